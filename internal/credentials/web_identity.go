// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package credentials

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/sts"
)

// DefaultProviderID is the identity provider's name in CAM when none is given.
const DefaultProviderID = "OIDC"

// WebIdentity exchanges an OIDC token for a role's temporary credential
// with STS AssumeRoleWithWebIdentity, which is sent unsigned.
type WebIdentity struct {
	STS *sts.Client
	// ProviderID is the identity provider's name in CAM; empty means DefaultProviderID.
	ProviderID      string
	RoleArn         string
	SessionName     string
	DurationSeconds int64
	// Token is the OIDC token itself, and wins over TokenFile.
	Token string
	// TokenFile holds the token, read again for every exchange because
	// platforms such as Kubernetes rotate it while a run goes on. It is
	// either a JSON object with the key web_identity_token, as the official
	// Tencent Cloud provider reads it, or the bare token, as Kubernetes
	// projects it.
	TokenFile string
	// Description, when set, says where this source was configured, such
	// as "assume_role_with_web_identity" or "the TKE pod environment".
	Description string
}

func (w *WebIdentity) Describe() string {
	with := "a web identity token"
	if w.Token == "" && w.TokenFile != "" {
		with = "the web identity token in " + w.TokenFile
	}
	described := fmt.Sprintf("the role %s assumed with %s", w.RoleArn, with)
	if w.Description != "" {
		described = w.Description + ": " + described
	}
	return described
}

func (w *WebIdentity) Retrieve(ctx context.Context) (Value, error) {
	token := w.Token
	if token == "" && w.TokenFile != "" {
		read, err := readWebIdentityToken(w.TokenFile)
		if err != nil {
			return Value{}, &Error{Source: w.Describe(), Reason: err.Error(), Err: err}
		}
		token = read
	}
	if token == "" {
		return Value{}, &Error{Source: w.Describe(), Reason: "no web identity token was given, neither itself nor as a file"}
	}

	request := sts.NewAssumeRoleWithWebIdentityRequest()
	providerID := w.ProviderID
	if providerID == "" {
		providerID = DefaultProviderID
	}
	duration := w.DurationSeconds
	if duration == 0 {
		duration = DefaultSessionDuration
	}
	request.ProviderId = &providerID
	request.WebIdentityToken = &token
	request.RoleArn = &w.RoleArn
	request.RoleSessionName = &w.SessionName
	request.DurationSeconds = &duration

	out, err := w.STS.AssumeRoleWithWebIdentity(ctx, request)
	if err != nil {
		return Value{}, stsFailure(w.Describe(), w.STS, sts.ActionAssumeRoleWithWebIdentity, err)
	}
	if out == nil {
		return temporary(w.Describe(), nil, nil)
	}
	return temporary(w.Describe(), out.Credentials, out.ExpiredTime)
}

// readWebIdentityToken reads the token in path. Its errors name the file
// and what is wrong with it, never what it holds.
func readWebIdentityToken(path string) (string, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		// The *PathError names the file.
		return "", fmt.Errorf("the web identity token file cannot be read: %w", err)
	}
	content := strings.TrimSpace(string(raw))
	if content == "" {
		return "", fmt.Errorf("the web identity token file %s is empty", path)
	}
	if !strings.HasPrefix(content, "{") {
		return content, nil
	}
	var document map[string]any
	if err := json.Unmarshal([]byte(content), &document); err != nil {
		// A syntax error quotes a character of the file; its offset is enough.
		var syntax *json.SyntaxError
		if errors.As(err, &syntax) {
			return "", fmt.Errorf("the web identity token file %s starts with { but is not valid JSON (at byte %d)", path, syntax.Offset)
		}
		return "", fmt.Errorf("the web identity token file %s starts with { but is not a JSON object", path)
	}
	token, _ := document["web_identity_token"].(string)
	if token == "" {
		return "", fmt.Errorf("the web identity token file %s is a JSON object without a non-empty string web_identity_token", path)
	}
	return token, nil
}
