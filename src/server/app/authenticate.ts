import type { Request, RequestHandler } from "express";
import type { PeopleDirectory } from "../../auth/people-directory";
import type { TokenValidator } from "../../auth/token-validator";
import { AppError } from "../../errors";
import type { Person } from "../../schemas/reference/person";

/**
 * Every /api/* route except health runs behind this. The token says who the caller is; their role,
 * district and setting come from the people directory — never from the request body or headers.
 */
export function authenticate(validator: TokenValidator, people: PeopleDirectory): RequestHandler {
  return async (req, _res, next) => {
    try {
      const token = await validator.verifyAuthorizationHeader(req.header("authorization"));
      // By object id only: UPNs can be reassigned and are not unique in the People list.
      const person = await people.byOid(token.oid);
      if (!person) {
        throw new AppError("unknown_user", "You are signed in, but LIFT Hub does not know you yet. Ask your STLS lead to add you.");
      }
      if (person.deactivatedAt) {
        throw new AppError("user_deactivated", "Your LIFT Hub access has been switched off. Ask a commissioner if you still need it.");
      }
      req.user = person;
      next();
    } catch (error) {
      next(error);
    }
  };
}

/** The signed-in person; only valid behind `authenticate`. */
export function currentUser(req: Request): Person {
  if (!req.user) throw new AppError("unauthenticated", "Sign in to continue.");
  return req.user;
}

declare module "express-serve-static-core" {
  interface Request {
    user?: Person;
  }
}
