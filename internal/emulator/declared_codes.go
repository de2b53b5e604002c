// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator

import (
	"fmt"
	"slices"
	"strings"
)

// declaredCodes are, for each action the emulator serves, the error codes
// that tencentcloud-sdk-go's client.go declares for it (the "error code
// that may be returned" lines of the action's doc comment). Where SDK
// releases differ, a code any release declares is here: the list only
// grows as the API adds failures.
//
// Sources: tencentcloud/organization/v20210331/client.go and
// tencentcloud/sts/v20180813/client.go, as vendored by
// tencentcloudstack/terraform-provider-tencentcloud and in
// TencentCloud/tencentcloud-sdk-go and its -intl-en twin.
var declaredCodes = map[string][]string{
	actionEmailBind: {
		"FailedOperation.AccountAlreadyRegister", "FailedOperation.BindEmailLinkExpired", "FailedOperation.BindEmailLinkInvalid",
		"FailedOperation.EmailAlreadyUsed", "FailedOperation.EmailBindRecordInvalid", "FailedOperation.MemberBindEmailError",
		"FailedOperation.MemberBindPhoneError", "InternalError", "InvalidParameter", "InvalidParameter.CodeError",
		"InvalidParameter.CodeExpired", "InvalidParameter.InvalidEmail", "InvalidParameter.PasswordIllegal",
		"ResourceNotFound.OrganizationMemberNotExist", "ResourceNotFound.OrganizationNotExist", "ResourceNotFound.UserNotExist",
	},
	actionMembers: {
		"FailedOperation.OperateBillingPermissionErr", "InternalError", "InvalidParameter",
		"ResourceNotFound.OrganizationNodeNotExist", "ResourceNotFound.OrganizationNotExist",
		"ResourceNotFound.OrganizationServiceNotExist",
	},
	actionAssumeRole: {
		"FailedOperation.CheckMFAError", "FailedOperation.MFATypeNotSupported",
		"InternalError.DbError", "InternalError.EncryptError", "InternalError.GetAppIdError", "InternalError.GetRoleError",
		"InternalError.GetSeedTokenError", "InternalError.IllegalRole", "InternalError.PbSerializeError",
		"InternalError.SystemError", "InternalError.UnknownError",
		"InvalidParameter.AccountNotAvaliable", "InvalidParameter.ExtendStrategyOverSize", "InvalidParameter.GrantOtherResource",
		"InvalidParameter.OverLimit", "InvalidParameter.OverTimeError", "InvalidParameter.ParamError",
		"InvalidParameter.PolicyTooLong", "InvalidParameter.ResouceError", "InvalidParameter.StrategyFormatError",
		"InvalidParameter.StrategyInvalid", "InvalidParameter.TempCodeNotAvaliable",
		"ResourceNotFound.RoleNotFound", "UnauthorizedOperation", "UnsupportedOperation",
	},
	actionSAML: {
		"InternalError.DbError", "InternalError.EncryptError", "InternalError.GetAppIdError", "InternalError.GetRoleError",
		"InternalError.GetSeedTokenError", "InternalError.IllegalRole", "InternalError.PbSerializeError",
		"InternalError.SystemError", "InternalError.UnknownError",
		"InvalidParameter.AccountNotAvaliable", "InvalidParameter.ExtendStrategyOverSize", "InvalidParameter.GrantOtherResource",
		"InvalidParameter.OverLimit", "InvalidParameter.OverTimeError", "InvalidParameter.ParamError",
		"InvalidParameter.PolicyTooLong", "InvalidParameter.ResouceError", "InvalidParameter.StrategyFormatError",
		"InvalidParameter.StrategyInvalid", "InvalidParameter.TempCodeNotAvaliable",
		"RequestLimitExceeded", "ResourceNotFound.RoleNotFound", "UnauthorizedOperation",
	},
	actionWebIdentity: {
		"InternalError.GetRoleError", "InternalError.SystemError", "InternalError.UnknownError",
		"InvalidParameter.OverLimit", "InvalidParameter.ParamError", "InvalidParameter.WebIdentityTokenError",
		"RequestLimitExceeded", "UnauthorizedOperation",
	},
	actionGetSessionToken: {
		"FailedOperation.CheckMFAError", "FailedOperation.MFATypeNotSupported", "FailedOperation.TempKeyNotAllowed",
		"InternalError.DbError", "InternalError.EncryptError", "InternalError.GetSeedTokenError",
		"InternalError.PbSerializeError", "InternalError.SystemError", "InternalError.UnknownError",
		"InvalidParameter.AccountNotAvaliable", "InvalidParameter.OverTimeError", "InvalidParameter.ParamError",
		"UnauthorizedOperation",
	},
	actionGetCallerIdentity: {
		"AuthFailure.AccessKeyIllegal", "InternalError.GetSeedTokenError", "InvalidParameter.AccessKeyNotSupport",
	},
}

// commonCodes are the common API 3.0 error codes, which every action may
// answer besides its own (the API 3.0 documentation's "common error codes").
var commonCodes = []string{
	"ActionOffline", "AuthFailure.InvalidAuthorization", "AuthFailure.InvalidSecretId", "AuthFailure.MFAFailure",
	"AuthFailure.SecretIdNotFound", "AuthFailure.SignatureExpire", "AuthFailure.SignatureFailure",
	"AuthFailure.TokenFailure", "AuthFailure.UnauthorizedOperation", "FailedOperation", "InternalError",
	"InvalidAction", "InvalidParameter", "InvalidParameterValue", "InvalidRequest", "IpInBlacklist", "IpNotInWhitelist",
	"LimitExceeded", "MissingParameter", "NoSuchProduct", "NoSuchVersion", "RequestLimitExceeded",
	"RequestLimitExceeded.GlobalRegionUinLimitExceeded", "RequestLimitExceeded.IPLimitExceeded",
	"RequestLimitExceeded.UinLimitExceeded", "RequestSizeLimitExceeded", "ResourceInUse", "ResourceInsufficient",
	"ResourceNotFound", "ResourceUnavailable", "ResponseSizeLimitExceeded", "ServiceUnavailable",
	"UnauthorizedOperation", "UnknownParameter", "UnsupportedOperation", "UnsupportedProtocol", "UnsupportedRegion",
}

// Declares reports whether action may answer code: the SDK declares it for
// that action, or it is a common API 3.0 code.
func Declares(action, code string) bool {
	return slices.Contains(declaredCodes[action], code) || IsCommonCode(code)
}

// IsCommonCode reports whether code is a common API 3.0 error code.
func IsCommonCode(code string) bool {
	return slices.Contains(commonCodes, code)
}

// DeclaredCodes returns the codes the SDK declares for action, without the
// common ones; nil for an action the emulator does not serve.
func DeclaredCodes(action string) []string {
	return slices.Clone(declaredCodes[action])
}

// familyMessages are what the API says for each family of codes, for an
// error fault's message.
var familyMessages = map[string]string{
	"AuthFailure":           "The request failed authentication.",
	"FailedOperation":       "The operation failed.",
	"InternalError":         "An internal error occurred.",
	"InvalidParameter":      "A parameter is invalid.",
	"LimitExceeded":         "A quota was exceeded.",
	"RequestLimitExceeded":  "Your request rate exceeds the frequency limit for this account. Please reduce the frequency of calls.",
	"ResourceNotFound":      "The resource does not exist.",
	"ResourceUnavailable":   "The resource is temporarily unavailable.",
	"UnauthorizedOperation": "You are not authorized to perform this operation. Check your CAM policies.",
}

// faultMessage is a plausible message for code, naming it as the API's
// messages name what failed.
func faultMessage(code, action string) string {
	family, _, _ := strings.Cut(code, ".")
	message, ok := familyMessages[family]
	if !ok {
		message = "The request failed."
	}
	return fmt.Sprintf("%s (%s, %s)", message, action, code)
}

// UndeclaredAnswers lists each error the server answered with a code its
// action does not declare, as "Action: Code", for tests that hold the
// emulator to the SDK's declarations: an answer the real API never gives
// would let a test rest on it. Injected transport faults ("Fault.<kind>")
// are not answers of the API and are left out.
func (s *Server) UndeclaredAnswers() []string {
	var undeclared []string
	for _, r := range s.Requests() {
		if r.ErrorCode != "" && !strings.HasPrefix(r.ErrorCode, "Fault.") && !Declares(r.Action, r.ErrorCode) {
			undeclared = append(undeclared, r.Action+": "+r.ErrorCode)
		}
	}
	return undeclared
}
