// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

// Package envvar names the environment variables the provider reads. They
// are those of the official Tencent Cloud provider, and TKE's for pod OIDC,
// so that existing setups work unchanged; code, tests and docs use these
// constants so that a name is spelled once.
package envvar

// Prefix starts every variable of the provider's own; tests clear them all.
const Prefix = "TENCENTCLOUD_"

// The key pair, and where and how the API is called.
const (
	SecretID             = "TENCENTCLOUD_SECRET_ID"
	SecretKey            = "TENCENTCLOUD_SECRET_KEY"
	SecurityToken        = "TENCENTCLOUD_SECURITY_TOKEN"
	Region               = "TENCENTCLOUD_REGION"
	Protocol             = "TENCENTCLOUD_PROTOCOL"
	Domain               = "TENCENTCLOUD_DOMAIN"
	OrganizationEndpoint = "TENCENTCLOUD_ORGANIZATION_ENDPOINT"
	STSEndpoint          = "TENCENTCLOUD_STS_ENDPOINT"
	MetadataEndpoint     = "TENCENTCLOUD_METADATA_ENDPOINT"
)

// The credential sources: a tccli profile and a CVM instance role.
const (
	Profile              = "TENCENTCLOUD_PROFILE"
	SharedCredentialsDir = "TENCENTCLOUD_SHARED_CREDENTIALS_DIR"
	CamRoleName          = "TENCENTCLOUD_CAM_ROLE_NAME"
)

// AssumeRolePrefix starts the variables of a role to assume, which an OIDC
// or SAML exchange in the environment takes as its own settings.
const AssumeRolePrefix = "TENCENTCLOUD_ASSUME_ROLE_"

// The role to assume, and the OIDC and SAML exchanges that share its
// variables.
const (
	AssumeRoleArn            = "TENCENTCLOUD_ASSUME_ROLE_ARN"
	AssumeRoleArnFile        = "TENCENTCLOUD_ASSUME_ROLE_ARN_FILE"
	AssumeRoleSessionName    = "TENCENTCLOUD_ASSUME_ROLE_SESSION_NAME"
	AssumeRoleDuration       = "TENCENTCLOUD_ASSUME_ROLE_SESSION_DURATION"
	AssumeRoleExternalID     = "TENCENTCLOUD_ASSUME_ROLE_EXTERNAL_ID"
	AssumeRoleSourceIdentity = "TENCENTCLOUD_ASSUME_ROLE_SOURCE_IDENTITY"
	AssumeRoleSerialNumber   = "TENCENTCLOUD_ASSUME_ROLE_SERIAL_NUMBER"
	AssumeRoleTokenCode      = "TENCENTCLOUD_ASSUME_ROLE_TOKEN_CODE"
	AssumeRoleProviderID     = "TENCENTCLOUD_ASSUME_ROLE_PROVIDER_ID"
	WebIdentityToken         = "TENCENTCLOUD_ASSUME_ROLE_WEB_IDENTITY_TOKEN"
	WebIdentityTokenFile     = "TENCENTCLOUD_ASSUME_ROLE_WEB_IDENTITY_TOKEN_FILE"
	SAMLAssertion            = "TENCENTCLOUD_ASSUME_ROLE_SAML_ASSERTION"
	PrincipalArn             = "TENCENTCLOUD_ASSUME_ROLE_PRINCIPAL_ARN"
)

// The MFA certification of a permanent key.
const (
	MFASerialNumber = "TENCENTCLOUD_MFA_CERTIFICATION_SERIAL_NUMBER"
	MFATokenCode    = "TENCENTCLOUD_MFA_CERTIFICATION_TOKEN_CODE"
	MFADuration     = "TENCENTCLOUD_MFA_CERTIFICATION_DURATION_SECONDS"
)

// What TKE's pod identity webhook sets in a pod bound to a CAM role.
const (
	TKERegion               = "TKE_REGION"
	TKEWebIdentityTokenFile = "TKE_WEB_IDENTITY_TOKEN_FILE"
	TKEProviderID           = "TKE_PROVIDER_ID"
	TKERoleArn              = "TKE_ROLE_ARN"
)

// LiveMemberUin names a real member for the one test that reads the real
// cloud, beside SecretID and SecretKey; every other test runs offline.
const LiveMemberUin = "TENCENTCLOUD_LIVE_MEMBER_UIN"
