// /signin and /signup. Both go back to `?next=` (a path of this site) when done, else to the start page; someone
// already signed in goes there at once. Problems show under their field (`errors[]`) or as the form's error.
// Both also offer the configured OpenID Connect providers ("Continue with …"): that is a full-page trip to the
// provider and back to `?next=`, with the session cookie set, where the page-load refresh signs the tab in. A trip
// that failed comes back to /signin?error=<code>.
import * as session from './account-session.js';
import { h, show, toast } from './dom.js';
import { characterCount, clearProblems, field, formError, showProblem } from './forms.js';
import { providerSignInUrl, signInProviders } from './people-api.js';
import { navigate, onLeave, safeNext } from './router.js';

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;
export const PASSWORD_RULES = `${PASSWORD_MIN} to ${PASSWORD_MAX} characters, and not one of the most common `
  + 'passwords. Spaces and any other characters are fine; a few words make a good one.';

/** What is wrong with a new password before the server sees it (the common-password check is the server's), or null. */
export function passwordProblem(password) {
  const length = characterCount(password);
  if (length < PASSWORD_MIN) {
    return `Use at least ${PASSWORD_MIN} characters (this one has ${length}).`;
  }
  if (length > PASSWORD_MAX) {
    return `Use at most ${PASSWORD_MAX} characters.`;
  }
  return null;
}

function nextPath() {
  return safeNext(new URLSearchParams(location.search).get('next'), '/');
}

/** The invitation a sign-up is on the way to accept (`?next=/invite/<token>`), if any. */
function invitationInNext() {
  const match = /^\/invite\/([A-Za-z0-9_-]+)$/.exec(nextPath());
  return match ? match[1] : null;
}

/** `/signin` or `/signup`, keeping `?next=`. */
function otherPage(base) {
  const next = new URLSearchParams(location.search).get('next');
  return next ? `${base}?next=${encodeURIComponent(safeNext(next))}` : base;
}

/** What a failed trip to a provider (`/signin?error=<code>`) means, for people. */
export const PROVIDER_ERRORS = {
  'link-required': 'An account with this email exists: sign in with your password, then link the provider on your '
    + 'account page.',
  'email-unverified': 'The provider has not verified your email address, so Parley cannot use it. Verify it with '
    + 'the provider first, or sign in with your password.',
  'sign-up-closed': 'There is no Parley account for you yet, and new accounts cannot be created here. Ask an '
    + 'administrator for an invitation.',
  'sign-up-invite-only': 'There is no Parley account for you yet, and new accounts here need an invitation: open the '
    + 'invitation link you were sent, then sign up.',
  'identity-linked-elsewhere': 'That provider account is already linked to another Parley account.',
  'provider-already-linked': 'Your account is already linked to another account at that provider: unlink it first.',
};
const PROVIDER_ERROR_GENERIC = 'Signing in with the provider did not work. Try again, or sign in with your password.';

export function providerErrorMessage(code) {
  return Object.hasOwn(PROVIDER_ERRORS, code) ? PROVIDER_ERRORS[code] : PROVIDER_ERROR_GENERIC;
}

/**
 * "Continue with <provider>" buttons, filled in when GET /api/session/providers answers (nothing when there are
 * none). A click leaves the app for the provider (a full page load: the provider's pages are not ours).
 */
function providerButtons(idPrefix) {
  const list = h('div', { id: `${idPrefix}-providers`, className: 'providers', hidden: true });
  signInProviders().then((providers) => {
    if (providers.length === 0) {
      return;
    }
    list.replaceChildren(
      h('p', { className: 'providers-or' }, 'or'),
      ...providers.map((provider) => {
        const button = h('button', {
          type: 'button', className: 'secondary provider-signin', 'data-provider': provider.id,
        }, `Continue with ${provider.displayName}`);
        button.addEventListener('click', () => {
          button.disabled = true;
          location.assign(providerSignInUrl(provider.id, nextPath()));
        });
        return button;
      }));
    list.hidden = false;
  });
  return list;
}

/** Takes `?error=` off the address, so that a reload or a bookmark does not show the message again. */
function dropErrorParameter() {
  const params = new URLSearchParams(location.search);
  params.delete('error');
  const query = params.toString();
  history.replaceState(history.state, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
}

function alreadySignedIn() {
  if (!session.isSignedIn()) {
    return false;
  }
  navigate(nextPath(), { replace: true });
  return true;
}

function emailField(id) {
  return field({
    id, label: 'Email',
    props: { type: 'email', name: 'email', required: true, maxLength: 254, autocomplete: 'email',
      autocapitalize: 'none', spellcheck: false },
  });
}

export function renderSignIn(root) {
  if (alreadySignedIn()) {
    return;
  }
  document.title = 'Sign in · Parley';
  const email = emailField('signin-email');
  const password = field({
    id: 'signin-password', label: 'Password',
    props: { type: 'password', name: 'password', required: true, autocomplete: 'current-password' },
  });
  const submit = h('button', { type: 'submit', id: 'signin-submit', className: 'primary' }, 'Sign in');
  const messages = h('div', { className: 'form-messages' });
  const problem = formError('signin-error', messages);
  const form = h('form', { id: 'signin-form', className: 'card', noValidate: true, 'aria-labelledby': 'signin-heading' },
    h('h1', { id: 'signin-heading' }, 'Sign in'),
    email.element, password.element, submit, messages,
    providerButtons('signin'),
    h('p', { className: 'switch' }, 'No account yet? ',
      h('a', { id: 'goto-signup', href: otherPage('/signup'), 'data-link': true }, 'Create one')));

  let waitTimer = null;
  onLeave(() => clearInterval(waitTimer));
  const waitOut = (seconds) => {
    let left = seconds;
    submit.disabled = true;
    const tick = () => {
      if (left <= 0) {
        clearInterval(waitTimer);
        problem.clear();
        submit.disabled = false;
        return;
      }
      const shown = problem.set(`Too many failed sign-ins. Try again in ${left} s.`);
      shown.dataset.retryAfter = String(left);
      left -= 1;
    };
    clearInterval(waitTimer);
    tick();
    waitTimer = setInterval(tick, 1000);
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblems([email, password], problem);
    const address = email.input.value.trim();
    if (!address) {
      email.setError('Enter the email address of your account.');
    }
    if (!password.input.value) {
      password.setError('Enter your password.');
    }
    if (!address || !password.input.value) {
      (address ? password : email).input.focus();
      return;
    }
    submit.disabled = true;
    try {
      const account = await session.signIn(address, password.input.value);
      toast(`Signed in as ${account.displayName}.`);
      navigate(nextPath(), { replace: true });
    } catch (error) {
      if (error.status === 429) {
        waitOut(error.retryAfterSeconds || 2);
        return;
      }
      submit.disabled = false;
      if (error.status === 401) {
        problem.set(error.detail || 'The email or the password is not right.');
        password.input.select();
        password.input.focus();
        return;
      }
      showProblem(error, { fields: { email, password }, form: problem });
    }
  });

  show(root, h('section', { className: 'account-page narrow', 'data-page': 'signin' }, form));
  const providerError = new URLSearchParams(location.search).get('error');
  if (providerError !== null) {
    const shown = problem.set(providerErrorMessage(providerError));
    shown.dataset.reason = providerError;
    dropErrorParameter();
  }
  email.input.focus();
}

export function renderSignUp(root) {
  if (alreadySignedIn()) {
    return;
  }
  document.title = 'Create an account · Parley';
  const email = emailField('signup-email');
  const name = field({
    id: 'signup-name', label: 'Display name',
    hint: 'What others see in meetings and organizations. You can change it later.',
    props: { name: 'displayName', required: true, maxLength: 64, autocomplete: 'name' },
  });
  const password = field({
    id: 'signup-password', label: 'Password', hint: PASSWORD_RULES,
    props: { type: 'password', name: 'password', required: true, minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX,
      autocomplete: 'new-password' },
  });
  const submit = h('button', { type: 'submit', id: 'signup-submit', className: 'primary' }, 'Create account');
  const messages = h('div', { className: 'form-messages' });
  const problem = formError('signup-error', messages);
  const form = h('form', { id: 'signup-form', className: 'card', noValidate: true, 'aria-labelledby': 'signup-heading' },
    h('h1', { id: 'signup-heading' }, 'Create an account'),
    email.element, name.element, password.element, submit, messages,
    providerButtons('signup'),
    h('p', { className: 'switch' }, 'Already have an account? ',
      h('a', { id: 'goto-signin', href: otherPage('/signin'), 'data-link': true }, 'Sign in')));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblems([email, name, password], problem);
    const address = email.input.value.trim();
    const displayName = name.input.value.trim();
    const secret = password.input.value;
    const wrong = [];
    if (!address) {
      email.setError('Enter your email address.');
      wrong.push(email);
    }
    if (!displayName) {
      name.setError('Enter the name others will see.');
      wrong.push(name);
    }
    const passwordWrong = passwordProblem(secret);
    if (passwordWrong) {
      password.setError(passwordWrong);
      wrong.push(password);
    }
    if (wrong.length > 0) {
      wrong[0].input.focus();
      return;
    }
    submit.disabled = true;
    try {
      const account = await session.signUp(address, displayName, secret, invitationInNext());
      toast(`Welcome to Parley, ${account.displayName}.`);
      navigate(nextPath(), { replace: true });
    } catch (error) {
      submit.disabled = false;
      if (error.status === 409 && error.reason === 'email-taken') {
        email.setError(error.detail || 'An account with this email address exists already.');
        email.input.focus();
        return;
      }
      showProblem(error, { fields: { email, displayName: name, password }, form: problem });
    }
  });

  show(root, h('section', { className: 'account-page narrow', 'data-page': 'signup' }, form));
  email.input.focus();
}
