// Signs the requests described on standard input with the AWS SDK for
// JavaScript's SigV4 signer and prints the signatures, so the platform's own
// signer is compared with an independent implementation on the same input.
// Input: a JSON array of {method, host, path, query: [[name, value]...],
// headers: [[name, value]...], payloadHash, region, accessKeyId,
// secretAccessKey, sessionToken, time}; paths and query text are decoded.
import { SignatureV4 } from "@smithy/signature-v4";
import { Hash } from "@smithy/hash-node";

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const requests = JSON.parse(Buffer.concat(chunks).toString("utf8"));

const signatures = [];
for (const request of requests) {
  const signer = new SignatureV4({
    service: "s3",
    region: request.region,
    credentials: {
      accessKeyId: request.accessKeyId,
      secretAccessKey: request.secretAccessKey,
      sessionToken: request.sessionToken || undefined,
    },
    sha256: Hash.bind(null, "sha256"),
    uriEscapePath: true,
  });
  const query = {};
  for (const [name, value] of request.query) {
    if (name in query) query[name] = [].concat(query[name], value);
    else query[name] = value;
  }
  const headers = { host: request.host, "x-amz-content-sha256": request.payloadHash };
  for (const [name, value] of request.headers) headers[name] = value;
  const signed = await signer.sign(
    { method: request.method, protocol: "https:", hostname: request.host, path: request.path, query, headers },
    { signingDate: new Date(request.time) },
  );
  const authorization = signed.headers.authorization ?? signed.headers.Authorization;
  signatures.push(/Signature=([0-9a-f]{64})/.exec(authorization)[1]);
}
process.stdout.write(JSON.stringify(signatures));
