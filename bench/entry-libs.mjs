// What the benchmark page calls from the JavaScript libraries.
export { decodeJwt, jwtVerify } from "jose";
export { jwtDecode } from "jwt-decode";
