// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/envvar"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/snapshot"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

var recordUsage = fmt.Sprintf(`Usage: tencentcloud-emulator record --out FILE [flags]

Reads a real organization and writes it as a world file, which
tencentcloud-emulator --world FILE then serves, to test policies offline.

It reads as the provider's tencentcloud_organization_member_email_binds
does: every member of a confirmed listing with its email binding, paced and
retried alike. The snapshot is complete or it is not written: on any
failure nothing is written at FILE, and a file already there is left as it
was. A member the listing shows that answers it is no member fails the
record too: run it again once membership has settled. FILE is replaced,
not written through: a symbolic link there becomes the snapshot itself.

The credential and endpoints come from the variables the provider reads,
in its order:
  %s, %s, %s
      a key pair; else
  %s, %s
      a tccli profile ("default" in ~/.tccli when unset), whose role-arn
      is assumed;
  %s
      else https://organization.DOMAIN, from %s and %s;
  %s
      STS, asked which account the credential acts for (the admin),
      unless --admin-uin;
  %s.
Identity exchanges, CVM roles, MFA and %s are not supported:
record refuses to run beside them rather than sign with another credential.

The snapshot holds:
  - the members, with their listing and binding fields as the API returned
    them (a field the API sent as null is left out, which reads the same);
    auth_name is not returned, so the AuthName filter matches nothing;
  - the organization units the members are in (the API has no listing of
    units, so a unit without members is not recorded);
  - not the credential it was recorded with, but one test key pair of the
    organization's admin account:
      secret_id  %s
      secret_key %s
Names, nicknames, payer names, remarks, emails, phones and a failed
binding's description are masked into values made from the member's UIN
(member-<uin>@example.invalid, ...); --keep-contacts keeps them. Tags, unit
names and identity names are kept as they are, since policies check them:
look them over before sharing a snapshot. Trusted services and delegated
admins are not recorded, and only the admin account can record.

The file is written with mode 0600. The emulator serves it at the real
API's rate limit, 20 requests per second. Progress is shown on a terminal
only.

Flags:
`, envvar.SecretID, envvar.SecretKey, envvar.SecurityToken, envvar.Profile, envvar.SharedCredentialsDir,
	envvar.OrganizationEndpoint, envvar.Protocol, envvar.Domain, envvar.STSEndpoint, envvar.Region,
	envvar.AssumeRoleArn, snapshot.TestSecretID, snapshot.TestSecretKey)

// runRecord is the record subcommand: args are its flags, without the
// subcommand's name. Progress goes to stderr when it is a terminal; the
// snapshot to --out, or stdout for "-".
func runRecord(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	flags := flag.NewFlagSet(command+" record", flag.ContinueOnError)
	flags.Usage = func() {
		fmt.Fprint(flags.Output(), recordUsage)
		flags.PrintDefaults()
	}
	out := flags.String("out", "", "path of the world file to write, or - for stdout (required)")
	adminUin := flags.Int64("admin-uin", 0, "UIN of the organization's admin account, which the test key pair belongs to; "+
		"by default STS GetCallerIdentity names the credential's account")
	keepContacts := flags.Bool("keep-contacts", false, "keep names, nicknames, payer names, remarks, emails, phones and failure descriptions instead of masking them")
	rateLimit := flags.Float64("rate-limit", tencentapi.DefaultRateLimit, "API requests per second, as the provider's rate_limit")
	if err := parseFlags(flags, args, stdout, stderr); err != nil {
		return err
	}
	switch {
	case *out == "":
		return usageErrorf(stderr, "record: --out is required")
	case *adminUin < 0:
		return usageErrorf(stderr, "record: --admin-uin must be a positive account UIN, got %d", *adminUin)
	case !(*rateLimit > 0) || math.IsInf(*rateLimit, 0):
		return usageErrorf(stderr, "record: --rate-limit must be a positive number, got %g", *rateLimit)
	}
	options := snapshot.Options{
		Out: *out, Stdout: stdout, AdminUin: *adminUin, KeepContacts: *keepContacts,
		RateLimit: *rateLimit, Getenv: os.Getenv,
	}
	if snapshot.IsTerminal(stderr) {
		options.Progress = stderr
	}
	err := snapshot.Record(ctx, options)
	if err != nil && ctx.Err() != nil {
		return errors.New("record: interrupted; no snapshot was written")
	}
	return err
}
