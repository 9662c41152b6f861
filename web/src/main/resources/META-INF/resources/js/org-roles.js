// Organization roles as OrgRules has them (people-service): their names and who may give, change or invite whom.
// The server decides; the pages only offer what the person's role allows.
import { h } from './dom.js';

const ROLE_NAMES = { owner: 'Owner', admin: 'Admin', member: 'Member' };
export const roleName = (role) => ROLE_NAMES[role] || role;
/** "an owner", "an admin", "a member". */
export const aRole = (role) => `${/^[aeiou]/i.test(role) ? 'an' : 'a'} ${roleName(role).toLowerCase()}`;
export const manages = (role) => role === 'owner' || role === 'admin';
export const orgPath = (orgId) => `/orgs/${encodeURIComponent(orgId)}`;

/** The roles `actor` may give, as OrgRules allows: owners give any role, admins admin or member. */
export function assignableRoles(actor) {
  if (actor === 'owner') {
    return ['owner', 'admin', 'member'];
  }
  return actor === 'admin' ? ['admin', 'member'] : [];
}

/** Whether `actor` may change or remove a member whose role is `target` (admins never touch owners). */
export function mayManage(actor, target) {
  return actor === 'owner' || (actor === 'admin' && target !== 'owner');
}

/** The roles `actor` may invite with: owners invite admins and members, admins members only. */
export function invitableRoles(actor) {
  if (actor === 'owner') {
    return ['member', 'admin'];
  }
  return actor === 'admin' ? ['member'] : [];
}

export function roleSelect(id, roles, selected, label) {
  return h('select', { id, 'aria-label': label },
    ...roles.map((role) => h('option', { value: role, selected: role === selected }, roleName(role))));
}
