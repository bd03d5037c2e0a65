// Cart limits, safe to import from client components as well as the server.
export const MAX_QUANTITY = 99;
export const MAX_LINES = 50;
