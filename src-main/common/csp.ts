// One Content Security Policy for the desktop window and serve mode: only the app's own code runs,
// nothing is fetched from elsewhere. (Element Plus sets inline styles, hence 'unsafe-inline' for styles only.)
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'"
].join('; ')
