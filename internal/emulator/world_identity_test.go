// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator_test

import (
	"strings"
	"testing"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
)

// identityDoc is a world of one key and one role, with the given extra keys.
func identityDoc(extra string) string {
	return `{"credentials": [{"secret_id": "a", "secret_key": "b", "uin": 1}],
	  "roles": [{"role_arn": "qcs::cam::uin/1:roleName/r", "uin": 1}], ` + extra + `}`
}

func TestWorldIdentityMistakesAreNamedByPath(t *testing.T) {
	const role = `"role_arns": ["qcs::cam::uin/1:roleName/r"]`
	for name, tt := range map[string]struct{ doc, want string }{
		"token without provider": {identityDoc(`"web_identity_tokens": [{"token": "t", ` + role + `}]`),
			`web_identity_tokens[0]: provider_id and token are required`},
		"token trusted by an unknown role": {identityDoc(`"web_identity_tokens": [{"provider_id": "OIDC", "token": "t", "role_arns": ["qcs::cam::uin/1:roleName/x"]}]`),
			`web_identity_tokens[0]: role_arns names "qcs::cam::uin/1:roleName/x", which is not in roles`},
		"token trusted by no role": {identityDoc(`"web_identity_tokens": [{"provider_id": "OIDC", "token": "t"}]`),
			`web_identity_tokens[0]: role_arns must name at least one role`},
		"token twice": {identityDoc(`"web_identity_tokens": [{"provider_id": "OIDC", "token": "t", ` + role + `}, {"provider_id": "github", "token": "t", ` + role + `}]`),
			`web_identity_tokens[1]: its token appears more than once`},
		"expiry not RFC 3339": {identityDoc(`"web_identity_tokens": [{"provider_id": "OIDC", "token": "t", ` + role + `, "expires_at": "2030-01-01"}]`),
			`web_identity_tokens[0]: expires_at must be an RFC 3339 time`},
		"unknown token field": {identityDoc(`"web_identity_tokens": [{"provider_id": "OIDC", "token": "t", ` + role + `, "audience": "sts"}]`),
			`unknown field "audience"`},
		"SAML provider not an ARN": {identityDoc(`"saml_assertions": [{"principal_arn": "corp", "assertion": "YQ==", ` + role + `}]`),
			`saml_assertions[0]: principal_arn must be an identity provider ARN`},
		"SAML assertion not base64": {identityDoc(`"saml_assertions": [{"principal_arn": "qcs::cam::uin/1:saml-provider/corp", "assertion": "<xml>", ` + role + `}]`),
			`saml_assertions[0]: assertion must be non-empty base64 text`},
		"SAML assertion trusted by an unknown role": {identityDoc(`"saml_assertions": [{"principal_arn": "qcs::cam::uin/1:saml-provider/corp", "assertion": "YQ==", "role_arns": ["nope"]}]`),
			`saml_assertions[0]: role_arns names "nope", which is not in roles`},
		"MFA device of an account without a key": {identityDoc(`"mfa_devices": [{"serial_number": "qcs::cam:uin/2::mfa/softToken", "uin": 2, "codes": ["123456"]}]`),
			`mfa_devices[0]: uin 2 has no credential`},
		"MFA serial naming another uin": {identityDoc(`"mfa_devices": [{"serial_number": "qcs::cam:uin/2::mfa/softToken", "uin": 1, "codes": ["123456"]}]`),
			`mfa_devices[0]: serial_number names uin 2, but uin is 1`},
		"MFA serial malformed": {identityDoc(`"mfa_devices": [{"serial_number": "softToken", "uin": 1, "codes": ["123456"]}]`),
			`mfa_devices[0]: serial_number must look like qcs::cam:uin/<uin>::mfa/softToken`},
		"MFA device twice": {identityDoc(`"mfa_devices": [{"serial_number": "qcs::cam:uin/1::mfa/softToken", "uin": 1, "codes": ["123456"]}, {"serial_number": "qcs::cam:uin/1::mfa/softToken", "uin": 1, "codes": ["654321"]}]`),
			`mfa_devices[1]: serial_number "qcs::cam:uin/1::mfa/softToken" appears more than once`},
		"MFA code twice": {identityDoc(`"mfa_devices": [{"serial_number": "qcs::cam:uin/1::mfa/softToken", "uin": 1, "codes": ["123456", "123456"]}]`),
			`mfa_devices[0]: codes[1] repeats an earlier code`},
		"MFA code not 6 digits": {identityDoc(`"mfa_devices": [{"serial_number": "qcs::cam:uin/1::mfa/softToken", "uin": 1, "codes": ["12345"]}]`),
			`mfa_devices[0]: codes[0] must be 6 digits`},
		"MFA device without codes": {identityDoc(`"mfa_devices": [{"serial_number": "qcs::cam:uin/1::mfa/softToken", "uin": 1, "codes": []}]`),
			`mfa_devices[0]: codes must hold at least one code`},
		"MFA required not a boolean": {`{"roles": [{"role_arn": "r", "uin": 1, "mfa_required": "yes"}]}`, `mfa_required`},
	} {
		_, err := emulator.ParseWorld([]byte(tt.doc))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: ParseWorld = %v, want an error containing %q", name, err, tt.want)
		}
	}
}

func TestWorldIdentityErrorsNeverRepeatATokenOrAssertion(t *testing.T) {
	for _, doc := range []string{
		identityDoc(`"web_identity_tokens": [{"provider_id": "OIDC", "token": "secret-jwt", "role_arns": ["qcs::cam::uin/1:roleName/r"]}, {"provider_id": "OIDC", "token": "secret-jwt", "role_arns": ["qcs::cam::uin/1:roleName/r"]}]`),
		identityDoc(`"saml_assertions": [{"principal_arn": "qcs::cam::uin/1:saml-provider/corp", "assertion": "c2VjcmV0", "role_arns": ["qcs::cam::uin/1:roleName/r"]}, {"principal_arn": "qcs::cam::uin/1:saml-provider/corp", "assertion": "c2VjcmV0", "role_arns": ["qcs::cam::uin/1:roleName/r"]}]`),
	} {
		_, err := emulator.ParseWorld([]byte(doc))
		if err == nil || strings.Contains(err.Error(), "secret-jwt") || strings.Contains(err.Error(), "c2VjcmV0") {
			t.Errorf("ParseWorld = %v, want an error that does not repeat the secret", err)
		}
	}
}

func TestTheIdentityWorldOfTheseTestsIsValid(t *testing.T) {
	if _, err := emulator.ParseWorld([]byte(identityWorld)); err != nil {
		t.Fatal(err)
	}
}
