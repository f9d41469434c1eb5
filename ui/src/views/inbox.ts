import { api, ApiError, errorText, type InboxNotification, type NotificationReason } from '../api';
import { assetPath, field, fieldList, h, link, loading, message, pathLinks, plural, table, time } from '../dom';
import { deliveriesSection } from '../parts/deliveries';
import { isBreaking } from '../parts/differences';
import { navigate } from '../router';

/** The token for marking read lives in this tab's session storage only: gone when the tab closes. */
const TOKEN_KEY = 'watershed.apiToken';

const TYPE_LABELS: Record<string, string> = {
  'contract.published': 'Contract published',
  'contract.deprecated': 'Contract deprecated',
  'contract.rolled-back': 'Contract rolled back',
  'dependency.added': 'Dependency added',
  'dependency.removed': 'Dependency removed',
  'asset.deleted': 'Asset deleted',
  'validation.failed': 'Validation failed',
  'drift.detected': 'Drift detected',
  'contract.breaking-change': 'Breaking change announced',
  'contract.violated': 'Contract violated',
};

export function inboxPath(team: string, unread = false): string {
  return `/inbox/${encodeURIComponent(team)}${unread ? '?unread=true' : ''}`;
}

/**
 * Inbox: a team's notifications, newest first, with what happened, to which asset, when and why the team is told
 * (the path from the changed asset to theirs and the fields they read). Marking one read needs an API token of the
 * team (or an admin's), typed in and kept in session storage.
 */
export async function renderInbox(main: HTMLElement, params: string[], search: URLSearchParams): Promise<void> {
  const team = params[0] ?? '';
  const unreadOnly = search.get('unread') === 'true';
  main.append(h('h1', {}, team ? `Inbox of ${team}` : 'Inbox'),
    h('p', { className: 'lead' }, 'What changed upstream of a team\'s assets, and why the team is told: the path from the changed asset to theirs and the fields they read.'));

  const teamSelect = h('select', { id: 'inbox-team', name: 'team' }, h('option', { value: '' }, 'Choose a team'));
  const unread = h('input', { id: 'inbox-unread', name: 'unread', type: 'checkbox', checked: unreadOnly });
  const form = h('form', { className: 'filters', 'aria-label': 'Choose an inbox' },
    field('Team', teamSelect),
    h('div', { className: 'field inline checkbox' }, unread, h('label', { for: 'inbox-unread' }, 'Unread only')));
  const apply = () => navigate(teamSelect.value ? inboxPath(teamSelect.value, unread.checked) : '/inbox', true);
  form.addEventListener('submit', (event) => { event.preventDefault(); apply(); });
  teamSelect.addEventListener('change', apply);
  unread.addEventListener('change', apply);
  const results = h('section', { id: 'inbox-results', 'aria-live': 'polite', 'aria-label': 'Notifications' }, loading());
  main.append(form);

  try {
    const teams = await api.teams();
    for (const t of teams) teamSelect.append(h('option', { value: t.name, selected: t.name === team }, t.name));
  } catch (error) {
    main.append(message('error', `Could not list the teams: ${errorText(error)}`));
  }
  if (!team) {
    main.append(message('info', 'Choose a team to see its notifications.'));
    return;
  }
  main.append(tokenField(team), results, deliveriesSection(team, () => sessionStorage.getItem(TOKEN_KEY)));

  let notifications: InboxNotification[];
  try {
    notifications = await api.notifications(team, unreadOnly);
  } catch (error) {
    results.replaceChildren(message('error', `Could not load the inbox of ${team}: ${errorText(error)}`));
    return;
  }
  notifications.sort((a, b) => b.occurredAt.localeCompare(a.occurredAt) || b.id - a.id);
  const unreadCount = notifications.filter((n) => !n.read).length;
  results.replaceChildren(h('p', { className: 'count', id: 'inbox-count' },
    unreadOnly ? plural(notifications.length, 'unread notification')
      : `${plural(notifications.length, 'notification')}, ${unreadCount} unread`));
  if (notifications.length === 0) {
    results.append(message('info', unreadOnly ? `No unread notifications for ${team}.` : `No notifications for ${team} yet.`));
    return;
  }
  const feedback = h('div', { id: 'inbox-feedback' });
  results.append(feedback, table(`Notifications of ${team}, newest first`, ['What', 'Asset', 'When', 'Why', 'State'],
    notifications.map((n) => [
      h('div', {}, h('strong', {}, TYPE_LABELS[n.type] ?? n.type), h('div', { className: 'muted small' }, h('code', {}, n.type)),
        h('div', { className: 'small' }, summary(n))),
      link(assetPath(n.subject), n.subject, { className: 'asset-link' }),
      time(n.occurredAt),
      reasons(n.reasons),
      state(n, feedback),
    ]), { id: 'inbox-list' }));
  results.querySelectorAll('#inbox-list tbody tr').forEach((row, index) => {
    row.id = `notification-${notifications[index].id}`;
    if (!notifications[index].read) row.classList.add('unread');
  });
}

function tokenField(team: string): HTMLElement {
  const input = h('input', { id: 'inbox-token', name: 'token', type: 'password', autocomplete: 'off', 'aria-describedby': 'inbox-token-help' });
  input.value = sessionStorage.getItem(TOKEN_KEY) ?? '';
  input.addEventListener('input', () => {
    if (input.value.trim()) sessionStorage.setItem(TOKEN_KEY, input.value.trim());
    else sessionStorage.removeItem(TOKEN_KEY);
  });
  const forget = h('button', { type: 'button', className: 'secondary', id: 'inbox-token-forget' }, 'Forget token');
  forget.addEventListener('click', () => {
    sessionStorage.removeItem(TOKEN_KEY);
    input.value = '';
    input.focus();
  });
  return h('div', { className: 'filters token-row' },
    field('API token', input),
    h('div', { className: 'field actions' }, forget),
    h('p', { id: 'inbox-token-help', className: 'muted small token-help' },
      `Reading the inbox needs no token. Marking a notification read does (an editor token of ${team}, or an admin token), and seeing failed deliveries (any token of ${team}). `
      + 'It is kept only in this tab\'s session storage, sent only for those, and forgotten when the tab closes.'));
}

function state(n: InboxNotification, feedback: HTMLElement): HTMLElement {
  const cell = h('div', { className: 'state' });
  const show = (item: InboxNotification) => {
    if (item.read) {
      cell.replaceChildren(h('span', { className: 'badge ok', tabindex: -1 }, 'Read'), ...(item.readAt ? [' ', time(item.readAt)] : []));
      return;
    }
    const button = h('button', { type: 'button', className: 'secondary mark-read', 'aria-label': `Mark read: ${TYPE_LABELS[item.type] ?? item.type} of ${item.subject}` }, 'Mark read');
    button.addEventListener('click', async () => {
      const token = sessionStorage.getItem(TOKEN_KEY);
      if (!token) {
        feedback.replaceChildren(message('error', `Marking read needs an API token: enter an editor token of ${item.team}, or an admin token, in the "API token" field.`));
        document.getElementById('inbox-token')?.focus();
        return;
      }
      button.disabled = true;
      try {
        const updated = await api.markRead(item.id, token);
        show(updated);
        feedback.replaceChildren(message('info', `Marked read: ${TYPE_LABELS[item.type] ?? item.type} of ${item.subject}.`));
        cell.querySelector<HTMLElement>('.badge')?.focus();
        cell.closest('tr')?.classList.remove('unread');
      } catch (error) {
        button.disabled = false;
        const hint = error instanceof ApiError && (error.status === 401 || error.status === 403)
          ? ` Check the API token: it must be an editor token of ${item.team}, or an admin token.` : '';
        feedback.replaceChildren(message('error', `Could not mark it read: ${errorText(error)}.${hint}`));
      }
    });
    cell.replaceChildren(h('span', { className: 'badge warn' }, 'Unread'), ' ', button);
  };
  show(n);
  return cell;
}

function reasons(list: NotificationReason[]): HTMLElement {
  return h('ul', { className: 'plain reasons' }, list.map((r) => h('li', {},
    h('div', {}, r.reason),
    h('div', { className: 'small' }, 'Path: ', pathLinks(r.path)),
    r.fields.length > 0 ? h('div', { className: 'small' }, r.fields.length === 1 ? 'Field: ' : 'Fields: ', fieldList(r.fields)) : null)));
}

/** One line on what happened, from the event's data. */
function summary(n: InboxNotification): string {
  const d = n.data;
  switch (n.type) {
    case 'contract.published': {
      const from = d.previousVersion ? `${d.previousVersion} → ` : '';
      const bump = d.bump ? `, ${d.bump}` : '';
      const differences = Array.isArray(d.differences) ? d.differences as { breaksBackward?: boolean; breaksForward?: boolean }[] : [];
      const breaking = differences.some(isBreaking);
      return `Version ${from}${d.version}${bump}${breaking ? ', breaking' : ''}`;
    }
    case 'contract.rolled-back':
      return `Rolled back to ${d.rolledBackTo} as ${d.version}${d.bump ? `, ${d.bump}` : ''}${d.forced ? ', forced' : ''} (replacing ${d.replacedVersion})`;
    case 'contract.deprecated':
      return `Version ${d.version} deprecated`;
    case 'dependency.added':
      return `${d.consumer} now reads ${d.producer}`;
    case 'dependency.removed':
      return `${d.consumer} no longer reads ${d.producer}`;
    case 'validation.failed':
      return `${d.invalid} of ${d.total} records invalid (${d.label}, version ${d.version})`;
    case 'drift.detected': {
      const anomalies = Array.isArray(d.anomalies) ? d.anomalies as { field?: string }[] : [];
      const fields = [...new Set(anomalies.map((anomaly) => anomaly.field || 'record count'))];
      return `Drift in ${fields.join(', ')}${d.label ? ` (${d.label})` : ''}`;
    }
    case 'contract.violated':
      return violatedSummary(d);
    default:
      return '';
  }
}

/** A dataset seen in an OpenLineage run did not match the asset's contract: where, by which job, and the first reason. */
function violatedSummary(d: Record<string, unknown>): string {
  type Ref = { namespace?: string; name?: string } | null | undefined;
  const datasetRef = d.dataset as Ref;
  const jobRef = d.job as Ref;
  // A dataset's namespace is often a URL (postgres://host:5432): set apart, not glued to the name with a slash.
  const dataset = datasetRef?.name ? `Dataset ${datasetRef.name}${datasetRef.namespace ? ` (${datasetRef.namespace})` : ''}` : 'A dataset';
  const job = jobRef?.name ? `, job ${jobRef.namespace ? `${jobRef.namespace}/` : ''}${jobRef.name},` : '';
  const violations = Array.isArray(d.violations) ? d.violations as { detail?: string }[] : [];
  const first = violations[0]?.detail;
  const more = violations.length > 1 ? ` (and ${violations.length - 1} more)` : '';
  return `${dataset}${job} does not match version ${d.version}${first ? `: ${first}${more}` : ''}`;
}
