// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

// capture.js sends every action the provider uses through the official
// Tencent Cloud Node.js SDK and writes each HTTP request exactly as the SDK
// sent it (method, path, every header in order, body) to
// requests/<Action>.json, with the X-TC-Timestamp it signed. The Go test
// internal/emulator/nodesdk_test.go replays them against the emulator with
// its clock at that timestamp, so make test needs no Node.js.
//
// The SDK talks to its real hosts (organization.tencentcloudapi.com,
// sts.tencentcloudapi.com), so it signs and sends exactly what it would send
// to Tencent Cloud; only the connection is redirected, by an HTTP agent, to a
// local server that records the request and answers a bare success. The key
// pair, tokens, assertion and MFA code are read from world.json, the world
// the replay serves.
//
// Usage: make nodesdk-capture (npm install in a temporary copy, then this).
// Arguments: [output directory], default requests/ beside this file.

"use strict";

const fs = require("fs");
const http = require("http");
const net = require("net");
const path = require("path");

const { CommonClient } = require("tencentcloud-sdk-nodejs-common");
const sts = require("tencentcloud-sdk-nodejs-sts");
const commonPackage = require("tencentcloud-sdk-nodejs-common/package.json");
const stsPackage = require("tencentcloud-sdk-nodejs-sts/package.json");

const region = "ap-guangzhou";
const world = JSON.parse(fs.readFileSync(path.join(__dirname, "world.json"), "utf8"));
const outDir = process.argv[2] || path.join(__dirname, "requests");

const permanent = world.credentials.find((c) => !c.token);
const temporary = world.credentials.find((c) => c.token);
const role = world.roles[0];
const oidc = world.web_identity_tokens[0];
const assertion = world.saml_assertions[0];
const mfa = world.mfa_devices[0];
const member = world.organizations[0].members[0];

// A session policy as the API takes it: a policy document, URL-encoded.
const sessionPolicy = encodeURIComponent(
  JSON.stringify({
    version: "2.0",
    statement: [{ effect: "allow", action: ["organization:DescribeOrganizationMembers"], resource: ["*"] }],
  }),
);

let captured = null;

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    const headers = [];
    for (let i = 0; i < req.rawHeaders.length; i += 2) {
      headers.push([req.rawHeaders[i], req.rawHeaders[i + 1]]);
    }
    captured = { method: req.method, path: req.url, headers, body: Buffer.concat(chunks).toString("utf8") };
    res.setHeader("Content-Type", "application/json");
    res.end(JSON.stringify({ Response: { RequestId: "00000000-0000-0000-0000-000000000000" } }));
  });
});

// An agent that connects every request to the capture server, whatever host
// the SDK names.
function captureAgent(port) {
  const agent = new http.Agent({ keepAlive: false });
  agent.createConnection = (options, callback) => net.connect(port, "127.0.0.1", callback);
  return agent;
}

function profile(port, host) {
  return { httpProfile: { protocol: "http://", endpoint: host, agent: captureAgent(port) } };
}

async function main() {
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = server.address().port;

  const org = new CommonClient("organization.tencentcloudapi.com", "2021-03-31", {
    credential: { secretId: permanent.secret_id, secretKey: permanent.secret_key },
    region,
    profile: profile(port, "organization.tencentcloudapi.com"),
  });
  const stsSigned = new sts.sts.v20180813.Client({
    credential: { secretId: permanent.secret_id, secretKey: permanent.secret_key },
    region,
    profile: profile(port, "sts.tencentcloudapi.com"),
  });
  const stsTemporary = new sts.sts.v20180813.Client({
    credential: { secretId: temporary.secret_id, secretKey: temporary.secret_key, token: temporary.token },
    region,
    profile: profile(port, "sts.tencentcloudapi.com"),
  });
  // The exchanges that need no key: the STS client's typed methods
  // (AssumeRoleWithWebIdentity, AssumeRoleWithSAML) take no options and sign
  // with the client's credential, so they are sent with the generic request
  // and { skipSign: true }, which the SDK sends as Authorization: SKIP.
  const stsUnsigned = new sts.sts.v20180813.Client({
    credential: {},
    region,
    profile: profile(port, "sts.tencentcloudapi.com"),
  });

  const calls = [
    {
      action: "DescribeOrganizationMembers",
      note: "CommonClient of tencentcloud-sdk-nodejs-common: the SDK publishes no Organization package.",
      send: () => org.request("DescribeOrganizationMembers", { Limit: 10, Offset: 0, Lang: "en", SearchKey: "audit" }),
    },
    {
      action: "DescribeOrganizationMemberEmailBind",
      note: "CommonClient of tencentcloud-sdk-nodejs-common: the SDK publishes no Organization package.",
      send: () => org.request("DescribeOrganizationMemberEmailBind", { MemberUin: member.member_uin }),
    },
    {
      action: "AssumeRole",
      note: "The STS client's AssumeRole, signed with the permanent key.",
      send: () =>
        stsSigned.AssumeRole({
          RoleArn: role.role_arn,
          RoleSessionName: "nodesdk-capture",
          DurationSeconds: 3600,
          ExternalId: role.external_id,
          Policy: sessionPolicy,
          Tags: [{ Key: "team", Value: "audit" }],
        }),
    },
    {
      action: "AssumeRoleWithWebIdentity",
      note: "Unsigned: the STS client's generic request with { skipSign: true } (Authorization: SKIP); its typed method would sign.",
      send: () =>
        stsUnsigned.request(
          "AssumeRoleWithWebIdentity",
          {
            ProviderId: oidc.provider_id,
            WebIdentityToken: oidc.token,
            RoleArn: oidc.role_arns[0],
            RoleSessionName: "nodesdk-oidc",
            DurationSeconds: 3600,
          },
          { skipSign: true },
        ),
    },
    {
      action: "AssumeRoleWithSAML",
      note: "Unsigned: the STS client's generic request with { skipSign: true } (Authorization: SKIP); its typed method would sign.",
      send: () =>
        stsUnsigned.request(
          "AssumeRoleWithSAML",
          {
            SAMLAssertion: assertion.assertion,
            PrincipalArn: assertion.principal_arn,
            RoleArn: assertion.role_arns[0],
            RoleSessionName: "nodesdk-saml",
            DurationSeconds: 3600,
          },
          { skipSign: true },
        ),
    },
    {
      action: "GetSessionToken",
      note: "The STS client's GetSessionToken, signed with the permanent key, with an MFA code.",
      send: () =>
        stsSigned.GetSessionToken({ SerialNumber: mfa.serial_number, TokenCode: mfa.codes[0], DurationSeconds: 1800 }),
    },
    {
      action: "GetCallerIdentity",
      note: "The STS client's GetCallerIdentity, signed with a temporary key and its token (X-TC-Token).",
      send: () => stsTemporary.GetCallerIdentity({}),
    },
  ];

  fs.mkdirSync(outDir, { recursive: true });
  for (const call of calls) {
    captured = null;
    await call.send();
    if (!captured) {
      throw new Error(`${call.action}: the SDK sent no request`);
    }
    const timestamp = captured.headers.find(([name]) => name.toLowerCase() === "x-tc-timestamp");
    if (!timestamp) {
      throw new Error(`${call.action}: the SDK sent no X-TC-Timestamp`);
    }
    const golden = {
      action: call.action,
      sdk: [`tencentcloud-sdk-nodejs-common@${commonPackage.version}`, `tencentcloud-sdk-nodejs-sts@${stsPackage.version}`],
      node: process.version,
      note: call.note,
      timestamp: Number(timestamp[1]),
      request: captured,
    };
    fs.writeFileSync(path.join(outDir, `${call.action}.json`), JSON.stringify(golden, null, 2) + "\n");
    console.log(`${call.action}: captured`);
  }
  server.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
