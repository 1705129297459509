// What the benchmark page calls from the JavaScript libraries.
export { decodeJwt, jwtVerify, importSPKI } from "jose";
export { jwtDecode } from "jwt-decode";
