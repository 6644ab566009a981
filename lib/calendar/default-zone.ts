// The agency's zone as docs/playbook.md states it: the one default of settings.calendar.timeZone.
// A module of its own so that pages and content scripts can fall back to it before the settings
// arrive without bundling the calendar (holiday data).
export const DEFAULT_TIME_ZONE = 'Asia/Almaty';
