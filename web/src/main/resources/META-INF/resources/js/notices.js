// Browser notifications for a message or a call that arrives while the tab is hidden. Permission is asked only when
// the person presses the button that offers them (a prompt without a user action is ignored or held against the
// site); nothing is shown while the tab is visible, where the page itself tells.
import { navigate } from './router.js';

/** 'unsupported', 'default' (not asked yet), 'granted' or 'denied'. */
export function notificationsState() {
  return typeof Notification === 'function' ? Notification.permission : 'unsupported';
}

/** Asks for permission (call it from a click); resolves to the new state. */
export async function askForNotifications() {
  if (notificationsState() !== 'default') {
    return notificationsState();
  }
  try {
    return await Notification.requestPermission();
  } catch {
    return notificationsState();
  }
}

/** Shows a notification when the tab is hidden and notifications are allowed; a click brings the tab to `path`. */
export function notifyIfHidden({ title, body, tag, path }) {
  if (document.visibilityState !== 'hidden' || notificationsState() !== 'granted') {
    return;
  }
  try {
    const notification = new Notification(title, { body, tag });
    notification.onclick = () => {
      window.focus();
      if (path && location.pathname !== path) {
        navigate(path);
      }
      notification.close();
    };
  } catch {
    // some browsers allow notifications only from a service worker: the page tells when it is back in view
  }
}
