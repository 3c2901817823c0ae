/**
 * The token in a questionnaire link (/q/<token>): a JWT signed with HMAC-SHA256 under the
 * configured secret, naming only the invitation id and when it expires. It carries nothing
 * personal, so a forwarded or logged link gives away no more than the chance to answer once.
 * Single use is the invitation's status, not the token's: the token only proves the app made it.
 */
import { errors, jwtVerify, SignJWT } from "jose";

const ISSUER = "lift-hub";
const AUDIENCE = "questionnaire-link";

export type LinkCheck = { ok: true; invitationId: string } | { ok: false; reason: "expired" | "invalid" };

export class LinkTokens {
  private readonly key: Uint8Array;

  constructor(secret: string) {
    this.key = new TextEncoder().encode(secret);
  }

  async sign(invitationId: string, expiresAt: string): Promise<string> {
    return new SignJWT({})
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(invitationId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime(Math.floor(Date.parse(expiresAt) / 1000))
      .sign(this.key);
  }

  async check(token: string, now: Date): Promise<LinkCheck> {
    if (token.length > 1000) return { ok: false, reason: "invalid" };
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, audience: AUDIENCE, algorithms: ["HS256"], currentDate: now });
      return typeof payload.sub === "string" && /^\d{1,12}$/.test(payload.sub) ? { ok: true, invitationId: payload.sub } : { ok: false, reason: "invalid" };
    } catch (error) {
      return { ok: false, reason: error instanceof errors.JWTExpired ? "expired" : "invalid" };
    }
  }
}
