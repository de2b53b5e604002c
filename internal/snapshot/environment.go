// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package snapshot

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/envvar"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

// Getenv looks up an environment variable; a recording is given one
// rather than reading the process's, so that tests run side by side.
type Getenv func(name string) string

// Connection is how the organization is reached: the Organization and STS
// clients' configuration, signed with one credential.
type Connection struct {
	Organization tencentapi.Config
	STS          tencentapi.Config
	// Credential says where the credential came from, never what it is.
	CredentialSource string
}

// Connect builds the clients' configuration from the variables the
// provider reads when its block sets nothing: the credential (see
// resolveCredential), TENCENTCLOUD_REGION, and the endpoints, each
// TENCENTCLOUD_*_ENDPOINT or else the host TENCENTCLOUD_PROTOCOL and
// TENCENTCLOUD_DOMAIN build. Reads are paced at rateLimit, retried and
// timed out with the provider's defaults; a rateLimit of zero is the
// provider's default too.
func Connect(getenv Getenv, rateLimit float64) (Connection, error) {
	var c Connection
	org := &c.Organization
	org.UserAgent = "tencentcloud-emulator-record"
	org.Region = getenv(envvar.Region)
	org.RateLimit = rateLimit
	if rateLimit <= 0 {
		org.RateLimit = tencentapi.DefaultRateLimit
	}
	org.MaxRetries = tencentapi.DefaultMaxRetries
	org.Timeout = tencentapi.DefaultTimeout
	org.Scheme = "HTTPS"
	if protocol := getenv(envvar.Protocol); protocol != "" {
		org.Scheme = strings.ToUpper(protocol)
		if org.Scheme != "HTTPS" && org.Scheme != "HTTP" {
			return c, fmt.Errorf("%s must be HTTPS or HTTP, got %q", envvar.Protocol, protocol)
		}
	}
	org.RootDomain = tencentapi.DefaultRootDomain
	if domain := getenv(envvar.Domain); domain != "" {
		if strings.ContainsAny(domain, ":/?# ") || strings.Contains(domain, "..") {
			return c, fmt.Errorf("%s must be a root domain such as intl.tencentcloudapi.com, got %q", envvar.Domain, domain)
		}
		org.RootDomain = domain
	}
	c.STS = *org
	var err error
	if org.Endpoint, err = endpoint(getenv, envvar.OrganizationEndpoint); err != nil {
		return c, err
	}
	if c.STS.Endpoint, err = endpoint(getenv, envvar.STSEndpoint); err != nil {
		return c, err
	}
	credential, err := resolveCredential(getenv, c.STS)
	if err != nil {
		return c, err
	}
	if org.Region == "" {
		org.Region = credential.region
		c.STS.Region = credential.region
	}
	org.Credential, c.STS.Credential = credential.cache, credential.cache
	c.CredentialSource = credential.cache.Describe()
	return c, nil
}

// endpoint is the URL the variable name sets, nil when unset. The value is
// left out of the error, since a URL may carry a password.
func endpoint(getenv Getenv, name string) (*url.URL, error) {
	value := getenv(name)
	if value == "" {
		return nil, nil
	}
	u, err := url.Parse(value)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" ||
		u.User != nil || u.RawQuery != "" || u.Fragment != "" {
		return nil, fmt.Errorf("%s must be a full URL with scheme and host and without credentials, query or fragment, "+
			"such as https://organization.tencentcloudapi.com or http://127.0.0.1:8080", name)
	}
	return u, nil
}
