'use strict';
/** The floor's JSON responses (status and error bodies as the API's) and its request-body reading. */

function send(res, status, body) {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

const unauthorized = (res) => send(res, 401, { status: 401, error: 'Unauthorized' });
const notFound = (res, code) => send(res, 404, code ? { status: 404, error: 'Not Found', code } : { status: 404, error: 'Not Found' });
const badRequest = (res, root) =>
  send(res, 400, { status: 400, error: `BadRequest: param is missing or the value is empty or invalid: ${root}` });
const unprocessable = (res, details) =>
  send(res, 422, { status: 422, error: 'Unprocessable Entity', code: 'validation_errors', error_details: details });

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > 1024 * 1024) reject(new Error('too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function rootObject(text, key) {
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    return null;
  }
  const value = body && typeof body === 'object' ? body[key] : undefined;
  return value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length ? value : null;
}

module.exports = { send, unauthorized, notFound, badRequest, unprocessable, readBody, rootObject };
