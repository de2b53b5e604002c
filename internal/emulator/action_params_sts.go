// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator

// The STS actions' parameters, from the SDK's request models
// (tencentcloud/sts/v20180813/models.go, the ...RequestParams structs and
// their doc comments: RoleSessionName and ExternalId 2 to 128 characters of
// their regexes, DurationSeconds' maximum, Policy's 2048 characters, at
// most 50 Tags with no key twice) and /work/shared/spec/sts-credentials.md
// (AssumeRole's SourceIdentity, SerialNumber and TokenCode;
// GetSessionToken's limits). The codes are those each action declares
// (client.go): InvalidParameter.ParamError for a bad parameter,
// InvalidParameter.OverTimeError for too long a duration where declared,
// InvalidParameter.PolicyTooLong for Policy.

const paramError = "InvalidParameter.ParamError"

// sessionName is RoleSessionName, required by every action that names a session.
var sessionName = param{name: "RoleSessionName", typ: typeString, required: true,
	limits: []limit{{kind: matches, pattern: sessionNamePattern, code: paramError}}}

// requiredString is a required string without further limits.
func requiredString(name string) param {
	return param{name: name, typ: typeString, required: true}
}

// durationParam is DurationSeconds of type typ, at most longest; longer is
// answered with overCode.
func durationParam(typ jsonType, longest int64, overCode string) param {
	return param{name: "DurationSeconds", typ: typ, limits: []limit{
		{kind: atLeast, n: 0, code: paramError},
		{kind: atMost, n: longest, code: overCode},
	}}
}

// assumeRoleParams: DurationSeconds *uint64, Policy URL-encoded (its
// content is checked by checkSessionPolicy), ExternalId and SourceIdentity
// optional; SerialNumber and TokenCode go together (checked in check).
var assumeRoleParams = actionParams{
	invalidCode: paramError,
	params: []param{
		requiredString("RoleArn"),
		sessionName,
		durationParam(typeUint64, maxSessionSeconds, "InvalidParameter.OverTimeError"),
		{name: "Policy", typ: typeString, emptyIsUnset: true,
			limits: []limit{{kind: maxBytes, n: maxPolicyLength, code: "InvalidParameter.PolicyTooLong"}}},
		{name: "ExternalId", typ: typeString, emptyIsUnset: true,
			limits: []limit{{kind: matches, pattern: externalIDPattern, code: paramError}}},
		{
			name: "Tags", typ: typeObjects, unknownFieldCode: paramError,
			limits: []limit{{kind: maxItems, n: maxSessionTags, code: paramError}, {kind: unique, field: "Key", code: paramError}},
			fields: []param{
				{name: "Key", typ: typeString, required: true, limits: []limit{{kind: maxRunes, n: maxTagKeyLength, code: paramError}}},
				{name: "Value", typ: typeString, required: true, allowEmpty: true,
					limits: []limit{{kind: maxRunes, n: maxTagValueLength, code: paramError}}},
			},
		},
		{name: "SourceIdentity", typ: typeString, emptyIsUnset: true,
			limits: []limit{{kind: matches, pattern: uinPattern, code: paramError}}},
		{name: "SerialNumber", typ: typeString},
		{name: "TokenCode", typ: typeString},
	},
}

// webIdentityParams: DurationSeconds *int64. The action declares no
// OverTimeError, so too long a duration is InvalidParameter.ParamError.
var webIdentityParams = actionParams{
	invalidCode: paramError,
	params: []param{
		requiredString("ProviderId"),
		requiredString("WebIdentityToken"),
		requiredString("RoleArn"),
		sessionName,
		durationParam(typeInt64, maxSessionSeconds, paramError),
	},
}

// samlParams: DurationSeconds *uint64.
var samlParams = actionParams{
	invalidCode: paramError,
	params: []param{
		requiredString("SAMLAssertion"),
		requiredString("PrincipalArn"),
		requiredString("RoleArn"),
		sessionName,
		durationParam(typeUint64, maxSessionSeconds, "InvalidParameter.OverTimeError"),
	},
}

// getSessionTokenParams: DurationSeconds *int64, at most a sub-user's
// 129600 seconds; a root account's lower limit depends on the caller and
// is checked in getSessionToken.
var getSessionTokenParams = actionParams{
	invalidCode: paramError,
	params: []param{
		requiredString("SerialNumber"),
		requiredString("TokenCode"),
		durationParam(typeInt64, maxSubUserSessionSeconds, "InvalidParameter.OverTimeError"),
	},
}
