// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package credentials

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Profile is a tccli profile: <dir>/<name>.credential, and the region from
// <dir>/<name>.configure. RoleArn, when set, means "assume this role".
type Profile struct {
	Name            string
	CredentialPath  string
	SecretID        string
	SecretKey       string
	Token           string
	RoleArn         string
	RoleSessionName string
	Region          string
}

// ErrProfileNotFound is returned, wrapped, when the credential file does not exist.
var ErrProfileNotFound = errors.New("no such profile")

// ReadProfile reads a profile fresh from disk every time: each provider
// configuration reads its own, so aliases with different profiles never
// see each other's.
func ReadProfile(dir, name string) (Profile, error) {
	p := Profile{Name: name, CredentialPath: filepath.Join(dir, name+".credential")}
	fields, err := readJSONObject(p.CredentialPath)
	if errors.Is(err, fs.ErrNotExist) {
		return p, fmt.Errorf("%s: %w", p.CredentialPath, ErrProfileNotFound)
	}
	if err != nil {
		return p, err
	}
	for key, dest := range map[string]*string{
		"secretId": &p.SecretID, "secretKey": &p.SecretKey, "token": &p.Token,
		"role-arn": &p.RoleArn, "role-session-name": &p.RoleSessionName,
	} {
		if err := stringField(fields, key, key, dest); err != nil {
			return p, fmt.Errorf("%s: %w", p.CredentialPath, err)
		}
	}
	for key, value := range map[string]string{"secretId": p.SecretID, "secretKey": p.SecretKey} {
		if value == "" {
			return p, fmt.Errorf("%s: the field %q is missing or empty", p.CredentialPath, key)
		}
	}

	configurePath := filepath.Join(dir, name+".configure")
	configure, err := readJSONObject(configurePath)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return p, nil
	case err != nil:
		return p, err
	}
	if raw, ok := configure["_sys_param"]; ok {
		var sys map[string]json.RawMessage
		if err := json.Unmarshal(raw, &sys); err != nil {
			return p, fmt.Errorf("%s: the field \"_sys_param\" must be an object", configurePath)
		}
		if err := stringField(sys, "region", "_sys_param.region", &p.Region); err != nil {
			return p, fmt.Errorf("%s: %w", configurePath, err)
		}
	}
	return p, nil
}

// Source is the profile's own key pair, before any role in it is assumed.
func (p Profile) Source() Source {
	return Static{
		Value:       Value{SecretID: p.SecretID, SecretKey: p.SecretKey, Token: p.Token},
		Description: fmt.Sprintf("the profile %q (%s)", p.Name, p.CredentialPath),
	}
}

func readJSONObject(path string) (map[string]json.RawMessage, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(data, &fields); err != nil {
		return nil, fmt.Errorf("%s: not a JSON object: %w", path, err)
	}
	return fields, nil
}

// stringField copies fields[key] into dest, trimmed of spaces and newlines
// as tccli and the official provider trim them: a key pasted with a
// trailing newline would otherwise sign every request wrongly. name is how
// messages call the field.
func stringField(fields map[string]json.RawMessage, key, name string, dest *string) error {
	raw, ok := fields[key]
	if !ok || string(raw) == "null" {
		return nil
	}
	var value string
	if err := json.Unmarshal(raw, &value); err != nil {
		return fmt.Errorf("the field %q must be a string", name)
	}
	*dest = strings.TrimSpace(value)
	return nil
}
