// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package explain

import (
	"errors"
	"fmt"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/credentials"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

// SummaryCredentialFailed is any credential source that failed, at
// configure time or on a later refresh.
const SummaryCredentialFailed = "Cannot Obtain Tencent Cloud Credentials"

// CredentialFailedDetail explains a credential source that failed; when
// STS refused with a code, it says what the code means and what to do.
func CredentialFailedDetail(err error, stsSource string) string {
	detail := fmt.Sprintf("The provider could not get a credential from %s.", err) +
		" Fix that source, or supply a credential another way (see the provider documentation for the order in which sources are tried)."
	var credErr *credentials.Error
	if errors.As(err, &credErr) && credErr.Code != "" {
		detail += "\n\n" + DescribeSTSCode(credErr.Code)
	}
	return detail + STSUnreachableNote(err, stsSource)
}

// STSUnreachableNote names where the STS endpoint came from when a
// failure says it could not be reached; the fix lies there or in the network.
func STSUnreachableNote(err error, source string) string {
	var callErr *tencentapi.Error
	if !errors.As(err, &callErr) {
		return ""
	}
	switch callErr.LocalCode() {
	case tencentapi.CodeEndpointUnreachable, tencentapi.CodeNetworkError:
		return fmt.Sprintf("\n\nThe STS endpoint comes from %s. Check that it is the right URL and that it is running and "+
			"reachable from here (the proxy variables HTTPS_PROXY and NO_PROXY, a firewall, DNS).", SourceOrSettings(source))
	}
	return ""
}
