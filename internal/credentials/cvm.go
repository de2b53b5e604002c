// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package credentials

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

// DefaultMetadataEndpoint is the CVM instance metadata service.
const DefaultMetadataEndpoint = "http://metadata.tencentyun.com"

// metadataTimeout keeps a machine that is not a CVM instance from hanging:
// the metadata service answers in milliseconds when it exists at all.
const metadataTimeout = 3 * time.Second

// CVMRole fetches the temporary credential of the CAM role bound to this
// CVM instance from the instance metadata service.
type CVMRole struct {
	RoleName string
	// MetadataEndpoint is the service's base URL; empty means DefaultMetadataEndpoint.
	MetadataEndpoint string
	client           *http.Client
}

// NewCVMRole returns a source for roleName at metadataEndpoint.
func NewCVMRole(roleName, metadataEndpoint string) *CVMRole {
	if metadataEndpoint == "" {
		metadataEndpoint = DefaultMetadataEndpoint
	}
	return &CVMRole{
		RoleName:         roleName,
		MetadataEndpoint: strings.TrimSuffix(metadataEndpoint, "/"),
		client: &http.Client{
			// The metadata service is link-local: never send it through a proxy.
			Transport: &http.Transport{Proxy: nil, DialContext: (&net.Dialer{Timeout: metadataTimeout}).DialContext},
			Timeout:   metadataTimeout,
		},
	}
}

func (r *CVMRole) Describe() string {
	return fmt.Sprintf("the CVM instance role %q (from the metadata service at %s)", r.RoleName, r.MetadataEndpoint)
}

type metadataCredential struct {
	TmpSecretId  string
	TmpSecretKey string
	Token        string
	ExpiredTime  int64
	Code         string
}

func (r *CVMRole) Retrieve(ctx context.Context) (Value, error) {
	u := r.MetadataEndpoint + "/latest/meta-data/cam/security-credentials/" + url.PathEscape(r.RoleName)
	traced, progress := tencentapi.TraceProgress(ctx)
	req, err := http.NewRequestWithContext(traced, http.MethodGet, u, nil)
	if err != nil {
		return Value{}, r.fail("the metadata URL is invalid: %v", err)
	}
	resp, err := r.client.Do(req)
	if err != nil {
		return Value{}, r.unanswered(ctx, progress, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<16))
	if err != nil {
		return Value{}, r.fail("the metadata service's answer could not be read: %s", tencentapi.WithheldReason(err))
	}
	switch {
	case resp.StatusCode == http.StatusNotFound:
		return Value{}, r.fail("no CAM role of that name is bound to this instance; bind it in the CVM console or fix cam_role_name")
	case resp.StatusCode != http.StatusOK:
		return Value{}, r.fail("the metadata service answered HTTP %d", resp.StatusCode)
	}
	var cred metadataCredential
	if err := json.Unmarshal(body, &cred); err != nil {
		return Value{}, r.fail("the metadata service's answer is not the expected JSON: %v", err)
	}
	if cred.Code != "Success" {
		return Value{}, r.fail("the metadata service answered with code %q", cred.Code)
	}
	if cred.TmpSecretId == "" || cred.TmpSecretKey == "" || cred.Token == "" || cred.ExpiredTime == 0 {
		return Value{}, r.fail("the metadata service's answer lacks TmpSecretId, TmpSecretKey, Token or ExpiredTime")
	}
	return Value{SecretID: cred.TmpSecretId, SecretKey: cred.TmpSecretKey, Token: cred.Token, Expires: time.Unix(cred.ExpiredTime, 0)}, nil
}

// unanswered explains a request that got no answer it could read. The
// answer holds the role's keys, and Go's error can quote it, so its text is
// withheld in part and it is not kept for errors.As, except a cancellation.
func (r *CVMRole) unanswered(ctx context.Context, progress *tencentapi.Progress, err error) *Error {
	reason := tencentapi.WithheldReason(err)
	var failure *Error
	switch {
	case progress.Answered():
		failure = r.fail("the metadata service's answer could not be read: %s", reason)
	case progress.NothingSent(err):
		failure = r.fail("the metadata service could not be reached (it answers only on CVM instances; is this one?): %s", reason)
	default:
		failure = r.fail("the metadata service did not answer (it answers only on CVM instances; is this one?): %s", reason)
	}
	failure.Err = context.Cause(ctx)
	return failure
}

func (r *CVMRole) fail(format string, args ...any) *Error {
	return &Error{Source: r.Describe(), Reason: fmt.Sprintf(format, args...)}
}
