// /account, sign-in methods: the password (change it) and the OpenID Connect providers linked to the account (link
// another, unlink one while another way to sign in remains).
import * as session from './account-session.js';
import { formatDateTime, h } from './dom.js';
import { clearProblems, field, formError, showProblem, statusLine } from './forms.js';
import { navigableUrl, people } from './people-api.js';
import { passwordProblem, PASSWORD_RULES, PROVIDER_ERRORS } from './sign-in.js';

export function passwordSection(onChanged) {
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
export async function identitiesOf() {
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
export function identitiesSection(initial, providers, hasPassword) {
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
