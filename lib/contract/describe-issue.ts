import type { z } from 'zod';

/** The first problem zod found, as one line for a person: `field.path: message`. Server and
 *  forms word a refusal the same way. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'malformed payload';
  return issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}
