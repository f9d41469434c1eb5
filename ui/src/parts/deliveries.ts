// A team's deliveries that did not arrive: dead letters (FAILED) and those still being retried after a failure.
// Without this a team whose webhook rejects every call, or whose email cannot be sent, would never know.
import { api, errorText, type Delivery } from '../api';
import { h, message, table, time } from '../dom';

export function deliveriesSection(team: string, token: () => string | null): HTMLElement {
  const body = h('div', { id: 'deliveries-result', 'aria-live': 'polite' });
  const show = h('button', { type: 'button', className: 'secondary', id: 'deliveries-show' }, 'Show failed deliveries');
  const load = async () => {
    const key = token();
    if (!key) {
      body.replaceChildren(message('error', `Seeing deliveries needs an API token of ${team}, or an admin token, in the "API token" field.`));
      document.getElementById('inbox-token')?.focus();
      return;
    }
    try {
      const [failed, pending] = await Promise.all([api.deliveries(team, 'FAILED', key), api.deliveries(team, 'PENDING', key)]);
      const troubled = [...failed, ...pending.filter((d) => d.attempts > 0)];
      body.replaceChildren(troubled.length === 0
        ? message('info', `Every delivery to ${team} arrived or is waiting for its first attempt.`)
        : table(`Deliveries to ${team} that failed (${troubled.length})`, ['Event', 'Channel', 'Status', 'Attempts', 'Last error', ''],
          troubled.map((d) => row(d, key, load)), { id: 'deliveries-table' }));
    } catch (error) {
      body.replaceChildren(message('error', `Could not list the deliveries: ${errorText(error)}`));
    }
  };
  show.addEventListener('click', () => void load());
  return h('section', { id: 'deliveries', 'aria-label': 'Deliveries' },
    h('h2', {}, 'Deliveries'),
    h('p', { className: 'muted small' }, 'Webhook calls and emails sent for these notifications that failed: dead letters are no longer retried until you retry them.'),
    show, body);
}

function row(d: Delivery, token: string, reload: () => Promise<void>): (string | HTMLElement)[] {
  const last = d.log.length ? d.log[d.log.length - 1] : null;
  const retry = h('button', { type: 'button', className: 'secondary retry-delivery' }, 'Retry');
  retry.addEventListener('click', async () => {
    retry.disabled = true;
    try {
      await api.retryDelivery(d.id, token);
      await reload();
    } catch (error) {
      retry.disabled = false;
      retry.after(message('error', `Could not retry: ${errorText(error)}`));
    }
  });
  return [
    h('div', {}, h('code', {}, d.type), ' on ', d.subject),
    h('div', {}, d.channel, h('div', { className: 'muted small' }, d.target)),
    h('span', { className: `badge ${d.status === 'FAILED' ? 'bad' : 'warn'}` }, d.status === 'FAILED' ? 'Dead letter' : 'Retrying'),
    String(d.attempts),
    last ? h('div', {}, last.error ?? last.outcome, ' ', time(last.attemptedAt)) : '',
    d.status === 'FAILED' ? retry : (d.nextAttemptAt ? h('span', { className: 'small' }, 'next ', time(d.nextAttemptAt)) : ''),
  ];
}
