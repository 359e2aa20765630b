/** Replaces every occurrence of each secret with [redacted], so that no output ever shows one. */
export function redactor(secrets: Array<string | undefined>): (text: string) => string {
  const present = secrets.filter((secret): secret is string => Boolean(secret))
  return (text) => present.reduce((result, secret) => result.split(secret).join('[redacted]'), text)
}
