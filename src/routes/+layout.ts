// A static single-page app: everything renders in the browser, nothing is prerendered on a server.
export const ssr = false;
export const prerender = false;
