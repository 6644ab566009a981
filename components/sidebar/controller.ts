// What the sidebar's components render and call: the session (lib/instagram/session.ts) and the
// panel's own preferences (./prefs.ts), as one object.
import type { SidebarSession } from '@/lib/instagram/session';
import type { SidebarPrefs } from './prefs';

export type Controller = SidebarSession & Omit<SidebarPrefs, 'load'>;
