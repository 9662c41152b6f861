// Ending a contact, from the contact list or the conversation: "Remove" (the conversation goes for both) and "Block"
// (the contact ends and they can no longer ask, write or call), each behind a confirmation dialog.
import * as store from './contacts-store.js';
import { h, toast } from './dom.js';
import { people } from './people-api.js';

/**
 * "Remove" and "Block" for a contact, each behind a confirmation dialog. Used by the contact list and the
 * conversation; `onDone` runs after either succeeded.
 */
export function endButtons(contact, { problem, onBlocked = () => {}, onDone = () => {} }) {
  const name = contact.account.displayName || 'this contact';
  const remove = h('button', { type: 'button', className: 'small secondary contact-remove' }, 'Remove');
  const block = h('button', { type: 'button', className: 'small danger contact-block' }, 'Block');
  remove.addEventListener('click', () => confirmThen(`Remove ${name}?`,
    'Your conversation goes for both of you. You can ask again later.', 'Remove', async () => {
      await people.removeContact(contact.contactId);
      store.forgetContact(contact.contactId);
      toast(`${name} is no longer a contact.`);
      onDone();
    }, problem));
  block.addEventListener('click', () => confirmThen(`Block ${name}?`,
    'The contact ends and they can no longer ask, write or call you. You can unblock them later.', 'Block',
    async () => {
      await people.block(contact.account.accountId);
      store.forgetContact(contact.contactId);
      toast(`${name} is blocked.`);
      onBlocked();
      onDone();
    }, problem));
  return [remove, block];
}

/** A modal dialog: `action` runs on confirmation; its problem shows through `problem`. */
function confirmThen(title, text, confirmText, action, problem) {
  const confirm = h('button', { type: 'button', id: 'contact-dialog-confirm', className: 'danger' }, confirmText);
  const cancel = h('button', { type: 'button', id: 'contact-dialog-cancel', className: 'secondary' }, 'Cancel');
  const dialog = h('dialog', { id: 'contact-dialog', 'aria-labelledby': 'contact-dialog-title' },
    h('h2', { id: 'contact-dialog-title' }, title), h('p', {}, text), h('div', { className: 'actions' }, confirm, cancel));
  dialog.addEventListener('close', () => dialog.remove());
  cancel.addEventListener('click', () => dialog.close());
  confirm.addEventListener('click', async () => {
    confirm.disabled = true;
    problem?.clear();
    try {
      await action();
    } catch (error) {
      problem?.set(error.detail || error.message);
    }
    dialog.close();
  });
  document.body.append(dialog);
  dialog.showModal();
}
