import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { buildAsyncApiDocument } from '@tessera/contracts';

/**
 * Checks an MQTT message against the payload schema GET /asyncapi.json gives its topic: the
 * document is the one the server serves (same builder), the topic is matched against each
 * channel's address with its `{parameters}` as one level each.
 */

interface Channel {
  address: string;
  messages: Record<string, { $ref: string }>;
}

const document = buildAsyncApiDocument({ version: 'test', mqttHost: 'localhost:1884', mqttDescription: 'test' }) as {
  channels: Record<string, Channel>;
  components: { messages: Record<string, { payload: { $ref: string } }>; schemas: Record<string, object> };
};

const ajv = addFormats(new Ajv({ allErrors: true, strict: true }));

const validators: { matches: RegExp; validate: ValidateFunction }[] = Object.values(document.channels)
  .filter((channel) => !channel.address.startsWith('/'))
  .map((channel) => {
    const [message] = Object.values(channel.messages);
    const payloadRef = document.components.messages[message.$ref.split('/').at(-1)!].payload.$ref;
    const schema = document.components.schemas[payloadRef.split('/').at(-1)!];
    const matches = new RegExp(`^${channel.address.replace(/\{\w+\}/g, '[^/]+')}$`);
    return { matches, validate: ajv.compile(schema) };
  });

/** The schema errors of `payload` on `topic` (empty when it conforms); throws for a topic the document does not name. */
export const asyncApiErrors = (topic: string, payload: unknown): string[] => {
  const found = validators.find((validator) => validator.matches.test(topic));
  if (!found) throw new Error(`GET /asyncapi.json names no channel for ${topic}`);
  return found.validate(payload) ? [] : (found.validate.errors ?? []).map((error) => `${topic} ${error.instancePath} ${error.message}`);
};
