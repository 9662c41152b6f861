// /account: display name, password, linked sign-in methods (OpenID Connect providers), sessions (sign out one or
// all), export, delete. Every action shows the problem's detail when it fails; nothing typed or stored reaches the
// page other than as text.
import { accountPage, showLoading, showLoadProblem } from './account-guard.js';
import * as session from './account-session.js';
import { formatDateTime, h, show, toast } from './dom.js';
import { clearProblems, field, formError, showProblem, statusLine } from './forms.js';
import { people, signInProviders } from './people-api.js';
import { navigate } from './router.js';
import { identitiesOf, identitiesSection, passwordSection } from './account-sign-in-methods.js';
import { sessionsSection } from './account-sessions.js';

export function renderAccount(root) {
  accountPage(root, (page) => load(root, page));
}

async function load(root, page) {
  showLoading(root, 'account');
  let me;
  let sessions;
  let identities;
  let providers;
  try {
    [me, sessions, identities, providers] = await Promise.all([people.me(), people.sessions(), identitiesOf(),
      signInProviders()]);
  } catch (error) {
    if (page.alive() && error.status !== 401) {
      showLoadProblem(root, { page: 'account', title: 'Your account', error, onRetry: () => load(root, page) });
    }
    return; // a 401 ended the session: the guard shows "signed out"
  }
  if (!page.alive()) {
    return;
  }
  document.title = 'Your account · Parley';
  const sessionsCard = sessionsSection(sessions.sessions || []);
  const view = h('section', { className: 'account-page', 'data-page': 'account', 'aria-labelledby': 'account-title' },
    h('h1', { id: 'account-title' }, 'Your account'),
    profileSection(me),
    me.hasPassword ? passwordSection(() => sessionsCard.reload()) : null,
    identitiesSection(identities, providers, me.hasPassword),
    sessionsCard.element,
    exportSection(),
    deleteSection(me));
  show(root, view);
}

function profileSection(me) {
  const name = field({
    id: 'account-name', label: 'Display name', hint: 'What others see in meetings and organizations.',
    props: { name: 'displayName', required: true, maxLength: 64, autocomplete: 'name', value: me.displayName },
  });
  const submit = h('button', { type: 'submit', id: 'account-name-submit', className: 'primary' }, 'Save name');
  const messages = h('div', { className: 'form-messages' });
  const problem = formError('profile-error', messages);
  const status = statusLine('account-name-status');
  messages.append(status);
  const form = h('form', { id: 'profile-form', noValidate: true },
    name.element, h('div', { className: 'actions' }, submit), messages);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblems([name], problem);
    status.textContent = '';
    const displayName = name.input.value.trim();
    if (!displayName) {
      name.setError('Enter the name others will see.');
      name.input.focus();
      return;
    }
    submit.disabled = true;
    try {
      const updated = await people.rename(displayName);
      const saved = updated?.displayName || displayName;
      name.input.value = saved;
      session.renamed(saved);
      // the access token carries the name (meetings read it from there): get one with the new name
      session.refresh();
      status.textContent = 'Saved.';
    } catch (error) {
      showProblem(error, { fields: { displayName: name }, form: problem });
    } finally {
      submit.disabled = false;
    }
  });
  return h('section', { className: 'card', 'aria-labelledby': 'profile-title' },
    h('h2', { id: 'profile-title' }, 'Profile'),
    h('dl', { className: 'facts' },
      h('dt', {}, 'Email'), h('dd', { id: 'account-email' }, me.email),
      h('dt', {}, 'Member since'), h('dd', { id: 'account-created' }, formatDateTime(me.createdAt))),
    form);
}

function exportSection() {
  const button = h('button', { type: 'button', id: 'export-account', className: 'secondary' }, 'Download my data');
  const messages = h('div', { className: 'form-messages' });
  const problem = formError('export-error', messages);
  const status = statusLine('export-status');
  messages.append(status);
  button.addEventListener('click', async () => {
    problem.clear();
    status.textContent = '';
    button.disabled = true;
    try {
      const { blob, filename } = await people.exportData();
      const url = URL.createObjectURL(blob);
      const link = h('a', { href: url, download: filename, className: 'visually-hidden' }, filename);
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      status.textContent = `Downloaded ${filename}.`;
    } catch (error) {
      problem.set(error.detail || error.message);
    } finally {
      button.disabled = false;
    }
  });
  return h('section', { className: 'card', 'aria-labelledby': 'export-title' },
    h('h2', { id: 'export-title' }, 'Your data'),
    h('p', {}, 'Everything Parley stores about your account, as a JSON file.'),
    h('div', { className: 'actions' }, button),
    messages);
}

function deleteSection(me) {
  const password = me.hasPassword ? field({
    id: 'delete-password', label: 'Your password',
    props: { type: 'password', name: 'password', required: true, autocomplete: 'current-password' },
  }) : null;
  const submit = h('button', { type: 'submit', id: 'delete-submit', className: 'danger' }, 'Delete account…');
  const messages = h('div', { className: 'form-messages' });
  const problem = formError('delete-error', messages);
  const form = h('form', { id: 'delete-form', noValidate: true },
    password ? password.element : null, h('div', { className: 'actions' }, submit), messages);

  const dialog = h('dialog', { id: 'delete-dialog', 'aria-labelledby': 'delete-dialog-title' });
  const confirm = h('button', { type: 'button', id: 'delete-confirm', className: 'danger' }, 'Delete for good');
  const cancel = h('button', { type: 'button', id: 'delete-cancel', className: 'secondary' }, 'Keep my account');
  dialog.append(
    h('h2', { id: 'delete-dialog-title' }, 'Delete your account?'),
    h('p', {}, 'Your sessions and memberships end, and organizations only you are in are deleted with it. '
      + 'This cannot be undone.'),
    h('div', { className: 'actions' }, cancel, confirm));
  cancel.addEventListener('click', () => dialog.close());

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearProblems(password ? [password] : [], problem);
    if (password && !password.input.value) {
      password.setError('Enter your password to delete the account.');
      password.input.focus();
      return;
    }
    dialog.showModal();
    cancel.focus();
  });
  confirm.addEventListener('click', async () => {
    confirm.disabled = true;
    try {
      await people.deleteAccount(password ? password.input.value : undefined);
    } catch (error) {
      confirm.disabled = false;
      dialog.close();
      if (error.status === 401 && password && session.isSignedIn()) {
        password.setError(error.detail || 'The password is not right.');
        password.input.focus();
      } else {
        showProblem(error, { fields: password ? { password } : {}, form: problem });
      }
      return;
    }
    dialog.close();
    session.sessionEnded();
    toast('Your account was deleted.');
    navigate('/', { replace: true });
  });

  return h('section', { className: 'card danger-zone', 'aria-labelledby': 'delete-title' },
    h('h2', { id: 'delete-title' }, 'Delete your account'),
    h('p', {}, 'Removes your account and everything stored about it.'),
    form,
    dialog);
}
