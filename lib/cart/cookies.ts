import { isOpaqueId, newOpaqueId } from "./ids";

export const CART_COOKIE = "checkout_cart";
export const USER_COOKIE = "checkout_uid";

const DAY = 24 * 60 * 60;

interface CookieOptions {
  httpOnly: true;
  sameSite: "lax";
  secure: boolean;
  path: "/";
  maxAge: number;
}

/** Secure whenever the shopper reached us over https, directly or through a proxy. */
export function cookieOptions(request: Request, maxAge: number): CookieOptions {
  const proto = request.headers.get("x-forwarded-proto") ?? new URL(request.url).protocol;
  return { httpOnly: true, sameSite: "lax", secure: proto.startsWith("https"), path: "/", maxAge };
}

export const CART_MAX_AGE = 30 * DAY;
export const USER_MAX_AGE = 365 * DAY;

/** The anonymous shopper id from the cookie, or a new one; it is the UserId until sign-in exists. */
export function shopperIdFrom(cookieValue: string | undefined): { userId: string; isNew: boolean } {
  if (isOpaqueId(cookieValue)) return { userId: cookieValue, isNew: false };

  return { userId: newOpaqueId(), isNew: true };
}
