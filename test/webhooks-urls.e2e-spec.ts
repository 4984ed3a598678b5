import { expectStatus, validationBody } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

/** With private URLs not allowed (the default), an endpoint can never point into the service's own network. */
describe('webhook endpoint URLs', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t?.close();
  });

  it.each([
    'http://127.0.0.1:8080/', 'http://localhost/hooks', 'http://169.254.169.254/latest/meta-data', 'http://10.0.0.7/', 'http://192.168.1.1/',
    'http://100.64.0.1/', 'http://[::1]/', 'http://[::ffff:127.0.0.1]/', 'http://[fd00:ec2::254]/', 'http://[fe80::1]/', 'file:///etc/passwd',
  ])('refuses %s', async (url) => {
    expect(await t.api.post('/api/v1/webhook_endpoints', { webhook_endpoint: { url } })).toMatchObject({
      status: 422, body: validationBody({ url: ['value_is_invalid'] }),
    });
  });

  it('accepts a public address, and refuses to move it to a private one', async () => {
    const { webhook_endpoint: created } = expectStatus(await t.api.post('/api/v1/webhook_endpoints', { webhook_endpoint: { url: 'https://8.8.8.8/hooks' } }), 200).body;
    const moved = await t.api.put(`/api/v1/webhook_endpoints/${created.lago_id}`, { webhook_endpoint: { url: 'http://127.0.0.1/' } });
    expect(moved).toMatchObject({ status: 422, body: validationBody({ url: ['value_is_invalid'] }) });
  });
});
