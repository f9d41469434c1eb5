// Boots the app: the styles, then the router on the page's main element.
import './style.css';
import { routes } from './routes';
import { startRouter } from './router';

startRouter(document.getElementById('main') as HTMLElement, routes);
