import { Webhook } from 'standardwebhooks';
import { WebhookReceiver } from '../../../../test/support/webhook-receiver';
import { isForbiddenAddress } from './webhook-address-guard';
import { pointsAtForbiddenAddress } from './webhook-endpoint-input';
import { newWebhookSecret } from './webhook-secrets';
import { RESPONSE_BODY_LIMIT, WebhookSender } from './webhook-sender';

describe('forbidden addresses', () => {
  it.each([
    '127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1',
    '::1', '::', 'fc00::1', 'fd00:ec2::254', 'fe80::1', '::ffff:127.0.0.1', '::ffff:169.254.169.254', '::ffff:8.8.8.8', '64:ff9b::7f00:1',
  ])('refuses %s', (address) => expect(isForbiddenAddress(address)).toBe(true));

  it.each(['8.8.8.8', '93.184.215.14', '2606:4700:4700::1111'])('accepts %s', (address) => expect(isForbiddenAddress(address)).toBe(false));

  it.each(['http://localhost:8080/hooks', 'http://127.0.0.1/', 'http://[::1]:3000/', 'http://[::ffff:7f00:1]/', 'http://169.254.169.254/latest/meta-data'])(
    'judges %s forbidden before any request',
    async (url) => expect(await pointsAtForbiddenAddress(url)).toBe(true),
  );

  it('accepts a public IP literal without resolving anything', async () => {
    expect(await pointsAtForbiddenAddress('https://8.8.8.8/hooks')).toBe(false);
  });
});

describe('WebhookSender against real receivers', () => {
  const receiver = new WebhookReceiver();
  const secret = newWebhookSecret();
  const message = (url = receiver.url, secrets = [secret]) => ({ url, id: 'evt_1', body: '{"id":"evt_1","type":"coupon.created"}', secrets });

  beforeAll(() => receiver.start());
  afterAll(() => receiver.stop());
  beforeEach(() => {
    receiver.received.length = 0;
    receiver.answer = (_request, response) => response.end('ok');
  });

  it('signs with Standard Webhooks headers that the standardwebhooks package verifies, with either secret after a rotation', async () => {
    const previous = newWebhookSecret();
    const result = await new WebhookSender(true).send(message(receiver.url, [secret, previous]));
    expect(result).toMatchObject({ delivered: true, responseStatus: 200, responseBody: 'ok', error: null });
    const [{ headers, body }] = receiver.received;
    expect(headers['webhook-id']).toBe('evt_1');
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    for (const key of [secret, previous]) expect(new Webhook(key).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(newWebhookSecret()).verify(body, headers)).toThrow();
  });

  it('refuses to connect to a loopback name unless private addresses are allowed', async () => {
    const result = await new WebhookSender(false).send(message(`http://localhost:${receiver.port}/hooks`));
    expect(result.delivered).toBe(false);
    expect(result.error).toMatch(/private or reserved address/);
    expect(await new WebhookSender(false).send(message(receiver.url))).toMatchObject({ delivered: false, responseStatus: null });
    expect(receiver.received).toHaveLength(0);
  });

  it('reads a 10 MB answer up to one kilobyte and no further', async () => {
    receiver.answer = (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = 'x'.repeat(64 * 1024);
      let sent = 0;
      const pump = () => {
        while (sent < 10 * 1024 * 1024) {
          sent += chunk.length;
          if (!response.write(chunk)) return void response.once('drain', pump);
        }
        response.end();
      };
      response.on('error', () => undefined);
      pump();
    };
    const result = await new WebhookSender(true).send(message());
    expect(result.delivered).toBe(true);
    expect(result.responseBody).toHaveLength(RESPONSE_BODY_LIMIT);
  });

  it('gives up on a receiver that never answers after the timeout', async () => {
    receiver.answer = () => undefined;
    const started = Date.now();
    const result = await new WebhookSender(true, 300).send(message());
    expect(Date.now() - started).toBeLessThan(2000);
    expect(result).toMatchObject({ delivered: false, responseStatus: null, error: 'no answer within 300 ms' });
  });

  it('never follows a redirect (to the metadata address or anywhere)', async () => {
    receiver.answer = (_request, response) => {
      response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' });
      response.end();
    };
    const result = await new WebhookSender(true).send(message());
    expect(result).toMatchObject({ delivered: false, responseStatus: 302 });
    expect(receiver.received).toHaveLength(1);
  });

  it('counts a 5xx and a refused connection as failures', async () => {
    receiver.answer = (_request, response) => {
      response.statusCode = 503;
      response.end('busy');
    };
    expect(await new WebhookSender(true).send(message())).toMatchObject({ delivered: false, responseStatus: 503, responseBody: 'busy' });
    const closed = new WebhookReceiver();
    await closed.start();
    const url = closed.url;
    await closed.stop();
    expect(await new WebhookSender(true).send(message(url))).toMatchObject({ delivered: false, responseStatus: null, error: expect.stringMatching(/ECONNREFUSED/) });
  });
});
