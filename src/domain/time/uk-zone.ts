/**
 * The one zone every date in LIFT is read in (the service runs in Kent). A module of its own so that
 * what needs only the name (the tab pages' Intl formatting) does not depend on uk-clock.ts, whose
 * conversions need luxon; uk-clock.ts re-exports it.
 */
export const UK_ZONE = "Europe/London";
