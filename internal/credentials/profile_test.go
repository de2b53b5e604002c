// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package credentials_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/credentials"
)

func TestProfileValuesAreTrimmedAsTccliDoes(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{
		// Values pasted into the files often bring a newline or spaces along.
		"p.credential":     `{"secretId": " AKIDp\n", "secretKey": "k \t", "token": "\nt\n", "role-arn": " arn ", "role-session-name": "s\r\n"}`,
		"p.configure":      `{"_sys_param": {"region": " ap-beijing\n"}}`,
		"blank.credential": `{"secretId": "AKIDp", "secretKey": " \n"}`,
	} {
		acctest.WriteFile(t, filepath.Join(dir, name), content)
	}
	p, err := credentials.ReadProfile(dir, "p")
	if err != nil {
		t.Fatal(err)
	}
	if p.SecretID != "AKIDp" || p.SecretKey != "k" || p.Token != "t" || p.RoleArn != "arn" || p.RoleSessionName != "s" || p.Region != "ap-beijing" {
		t.Errorf("profile %q, want every value trimmed", []string{p.SecretID, p.SecretKey, p.Token, p.RoleArn, p.RoleSessionName, p.Region})
	}
	if _, err := credentials.ReadProfile(dir, "blank"); err == nil || !strings.Contains(err.Error(), `"secretKey" is missing or empty`) {
		t.Errorf("a secretKey of only whitespace: err = %v", err)
	}
}
