import { LaunchpadError } from './errors';

/**
 * The most of an answer the client reads. Bytedesk's answers are a few kB (a user, a token, a
 * count): anything near this is not one, and reading a runaway body whole would fill the memory.
 */
export const MAX_ANSWER_BYTES = 1024 * 1024;

/** The body as text, read as a stream and given up past `limit` bytes (a `too-large` error). */
export async function readCapped(response: Response, limit = MAX_ANSWER_BYTES): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > limit) {
    void response.body?.cancel().catch(() => {});
    throw new LaunchpadError('too-large', { status: response.status });
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let read = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    read += value.byteLength;
    if (read > limit) {
      void reader.cancel().catch(() => {});
      throw new LaunchpadError('too-large', { status: response.status });
    }
    text += decoder.decode(value, { stream: true });
  }
}
