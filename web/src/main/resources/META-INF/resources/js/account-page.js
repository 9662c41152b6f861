// /account: display name, password, linked sign-in methods (OpenID Connect providers), sessions (sign out one or
// all), export, delete. Every action shows the problem's detail when it fails; nothing typed or stored reaches the
// page other than as text.
import { accountPage, showLoading, showLoadProblem } from './account-guard.js';
import * as session from './account-session.js';
import { formatDateTime, h, show, toast } from './dom.js';
import { clearProblems, field, formError, showProblem, statusLine } from './forms.js';
import { navigableUrl, people, signInProviders } from './people-api.js';
import { navigate } from './router.js';
import { passwordProblem, PASSWORD_RULES, PROVIDER_ERRORS } from './sign-in.js';

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

function passwordSection(onChanged) {
  const current = field({
    id: 'password-current', label: 'Current password',
    props: { type: 'password', name: 'currentPassword', required: true, autocomplete: 'current-password' },
  });
  const next = field({
    id: 'password-new', label: 'New password', hint: PASSWORD_RULES,
    props: { type: 'password', name: 'newPassword', required: true, autocomplete: 'new-password' },
  });
  const submit = h('button', { type: 'submit', id: 'password-submit', className: 'primary' }, 'Change password');
  const messages = h('div', { className: 'form-messages' });
  const problem = formError('password-error', messages);
  const status = statusLine('password-status');
  messages.append(status);
  const form = h('form', { id: 'password-form', noValidate: true },
    current.element, next.element, h('div', { className: 'actions' }, submit), messages);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblems([current, next], problem);
    status.textContent = '';
    if (!current.input.value) {
      current.setError('Enter your current password.');
      current.input.focus();
      return;
    }
    const wrong = passwordProblem(next.input.value);
    if (wrong) {
      next.setError(wrong);
      next.input.focus();
      return;
    }
    submit.disabled = true;
    try {
      await people.changePassword(current.input.value, next.input.value);
      current.input.value = '';
      next.input.value = '';
      status.textContent = 'Password changed. Your other sessions were signed out.';
      onChanged();
    } catch (error) {
      if (error.status === 401 && session.isSignedIn()) {
        current.setError(error.detail || 'The current password is not right.');
        current.input.focus();
      } else {
        showProblem(error, { fields: { currentPassword: current, newPassword: next }, form: problem });
      }
    } finally {
      submit.disabled = false;
    }
  });
  return h('section', { className: 'card', 'aria-labelledby': 'password-title' },
    h('h2', { id: 'password-title' }, 'Password'),
    h('p', { className: 'hint' }, 'Changing it signs out every other device.'),
    form);
}

/**
 * The linked identities: {list} or {absent: true} when people-service has no such feature (404), or {error} when it
 * could not be read (the rest of the page shows anyway).
 */
async function identitiesOf() {
  try {
    return { list: await people.identities() };
  } catch (error) {
    if (error.status === 404) {
      return { absent: true };
    }
    if (error.status === 401) {
      throw error; // the session ended: the whole page says so
    }
    return { error };
  }
}

/**
 * "Sign-in methods": the providers linked to the account (each with "Unlink") and a "Link <provider>" button per
 * configured provider not linked yet, which goes to the provider and back. Absent where people-service has no such
 * feature, and when there is nothing to show (no provider configured, none linked).
 */
function identitiesSection(initial, providers, hasPassword) {
  if (initial.absent || (initial.list && initial.list.length === 0 && providers.length === 0)) {
    return null;
  }
  const names = new Map(providers.map((provider) => [provider.id, provider.displayName]));
  const nameOf = (id) => names.get(id) || id;
  const list = h('ul', { id: 'identity-list', className: 'item-list' });
  const empty = h('p', { id: 'identities-empty', hidden: true },
    hasPassword ? 'No provider is linked: you sign in with your password.' : 'No provider is linked.');
  const linkButtons = h('div', { id: 'identity-links', className: 'actions' });
  const messages = h('div', { className: 'form-messages' });
  const problem = formError('identities-error', messages);
  const status = statusLine('identities-status');
  messages.append(status);

  const fill = (identities) => {
    const linked = new Set(identities.map((identity) => identity.provider));
    list.replaceChildren(...identities.map(item));
    list.dataset.count = String(identities.length);
    list.hidden = identities.length === 0;
    empty.hidden = identities.length > 0;
    linkButtons.replaceChildren(...providers.filter((provider) => !linked.has(provider.id)).map(linkButton));
    linkButtons.hidden = linkButtons.childElementCount === 0;
  };
  const reload = async () => {
    try {
      fill(await people.identities());
    } catch (error) {
      problem.set(error.detail || error.message);
    }
  };
  const item = (identity) => {
    const name = nameOf(identity.provider);
    const unlink = h('button', {
      type: 'button', className: 'secondary small identity-unlink', 'data-provider': identity.provider,
      'aria-label': `Unlink ${name}`,
    }, 'Unlink');
    unlink.addEventListener('click', async () => {
      problem.clear();
      status.textContent = '';
      unlink.disabled = true;
      try {
        await people.unlinkIdentity(identity.provider);
      } catch (error) {
        unlink.disabled = false;
        problem.set(error.detail || (error.reason === 'last-sign-in-method'
          ? 'This is the only way left to sign in to your account: it cannot be unlinked.' : error.message));
        return;
      }
      status.textContent = `${name} is unlinked.`;
      await reload();
    });
    return h('li', { className: 'item identity', 'data-provider': identity.provider },
      h('div', { className: 'item-main' },
        h('span', { className: 'item-title identity-name' }, name),
        h('span', { className: 'item-detail' },
          [identity.email, identity.linkedAt ? `linked ${formatDateTime(identity.linkedAt)}` : null]
            .filter(Boolean).join(' · '))),
      h('div', { className: 'item-actions' }, unlink));
  };
  const linkButton = (provider) => {
    const button = h('button', {
      type: 'button', className: 'secondary identity-link', 'data-provider': provider.id,
    }, `Link ${provider.displayName}`);
    button.addEventListener('click', async () => {
      problem.clear();
      status.textContent = '';
      button.disabled = true;
      try {
        const answer = await people.linkIdentity(provider.id);
        const target = navigableUrl(answer?.authorizationUrl);
        if (!target) {
          throw new Error(`${provider.displayName} cannot be reached from here right now.`);
        }
        status.textContent = `Going to ${provider.displayName}…`;
        location.assign(target);
      } catch (error) {
        button.disabled = false;
        problem.set(error.detail || error.message);
      }
    });
    return button;
  };

  if (initial.list) {
    fill(initial.list);
  } else {
    list.hidden = true;
    linkButtons.hidden = true;
    problem.set(initial.error.detail || initial.error.message);
  }
  // back from a provider that refused to link (`/account?error=<code>`): say so once
  const code = new URLSearchParams(location.search).get('error');
  if (code !== null) {
    problem.set(code === 'email-unverified' ? PROVIDER_ERRORS[code]
      : 'Linking the provider did not work. Try again.').dataset.reason = code;
    const params = new URLSearchParams(location.search);
    params.delete('error');
    const query = params.toString();
    history.replaceState(history.state, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
  }
  return h('section', { className: 'card', id: 'identities', 'aria-labelledby': 'identities-title' },
    h('h2', { id: 'identities-title' }, 'Sign-in methods'),
    h('p', { className: 'hint' }, hasPassword ? 'Providers you can sign in with, besides your password.'
      : 'Providers you can sign in with.'),
    list, empty, linkButtons, messages);
}

/** "Chrome on Android" from a User-Agent header; the whole header stays available as the title. */
export function deviceName(userAgent) {
  const ua = userAgent || '';
  const browser = [['Edg/', 'Edge'], ['OPR/', 'Opera'], ['Firefox/', 'Firefox'], ['Chrome/', 'Chrome'],
    ['Chromium/', 'Chromium'], ['Safari/', 'Safari']].find(([mark]) => ua.includes(mark));
  const system = [['Android', 'Android'], ['iPhone', 'iPhone'], ['iPad', 'iPad'], ['CrOS', 'ChromeOS'],
    ['Windows', 'Windows'], ['Mac OS X', 'macOS'], ['Linux', 'Linux']].find(([mark]) => ua.includes(mark));
  if (!browser && !system) {
    return ua ? 'Other device' : 'Unknown device';
  }
  return [browser ? browser[1] : 'A browser', system ? `on ${system[1]}` : null].filter(Boolean).join(' ');
}

function sessionsSection(initial) {
  const list = h('ul', { id: 'session-list', className: 'item-list' });
  const messages = h('div', { className: 'form-messages' });
  const problem = formError('sessions-error', messages);
  const status = statusLine('sessions-status');
  messages.append(status);

  const fill = (sessions) => {
    const sorted = [...sessions].sort((a, b) => (b.current - a.current)
      || String(b.lastUsedAt).localeCompare(String(a.lastUsedAt)));
    list.replaceChildren(...sorted.map(item));
    list.dataset.count = String(sorted.length);
  };
  const reload = async () => {
    try {
      fill((await people.sessions()).sessions || []);
    } catch (error) {
      problem.set(error.detail || error.message);
    }
  };
  const item = (entry) => {
    const button = h('button', {
      type: 'button', className: 'secondary small session-signout', 'data-testid': 'session-signout',
      'aria-label': entry.current ? 'Sign out on this device' : `Sign out ${deviceName(entry.userAgent)}`,
    }, 'Sign out');
    button.addEventListener('click', async () => {
      problem.clear();
      button.disabled = true;
      if (entry.current) {
        await session.signOut();
        toast('You are signed out.');
        navigate('/');
        return;
      }
      try {
        await people.endSession(entry.sessionId);
        status.textContent = `Signed out ${deviceName(entry.userAgent)}.`;
        await reload();
      } catch (error) {
        button.disabled = false;
        problem.set(error.detail || error.message);
      }
    });
    return h('li', {
      className: 'item session', 'data-session-id': entry.sessionId, 'data-current': entry.current ? 'true' : 'false',
    },
    h('div', { className: 'item-main' },
      h('span', { className: 'item-title', title: entry.userAgent || '' }, deviceName(entry.userAgent)),
      entry.current ? h('span', { className: 'badge' }, 'This device') : null,
      h('span', { className: 'item-detail' },
        [entry.clientAddress, `last used ${formatDateTime(entry.lastUsedAt)}`,
          `signed in ${formatDateTime(entry.createdAt)}`].filter(Boolean).join(' · '))),
    h('div', { className: 'item-actions' }, button));
  };

  const everywhere = h('button', { type: 'button', id: 'signout-everywhere', className: 'danger' },
    'Sign out everywhere');
  everywhere.addEventListener('click', async () => {
    problem.clear();
    everywhere.disabled = true;
    try {
      await people.endAllSessions();
    } catch (error) {
      everywhere.disabled = false;
      problem.set(error.detail || error.message);
      return;
    }
    await session.signOut(); // this session ended with the others; clears the cookie too
    toast('You are signed out on every device.');
    navigate('/');
  });

  fill(initial);
  const element = h('section', { className: 'card', id: 'sessions', 'aria-labelledby': 'sessions-title' },
    h('h2', { id: 'sessions-title' }, 'Where you are signed in'),
    list,
    h('div', { className: 'actions' }, everywhere),
    messages);
  return { element, reload };
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
