// A minimal page's worth of jose: decode and verify, as a JWT debugger needs.
import { decodeJwt, jwtVerify } from "jose";
globalThis.jwt = { decodeJwt, jwtVerify };
