// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package credentials

import (
	"context"
	"fmt"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/sts"
)

// MFASession certifies a base credential with an MFA code through STS
// GetSessionToken. The code is single-use, so the session is obtained once
// and serves the whole run.
type MFASession struct {
	// Base signs the GetSessionToken call; STS must have been built with it.
	Base         *Cache
	STS          *sts.Client
	SerialNumber string
	TokenCode    string
	// DurationSeconds is the session's lifetime; zero means DefaultMFASessionDuration.
	DurationSeconds int64

	once singleUse
}

func (m *MFASession) Describe() string {
	return fmt.Sprintf("the MFA session of %s certified by the device %s", m.Base.Describe(), m.SerialNumber)
}

// Retrieve refreshes the base credential first, outside the single-use
// guard: a base that fails has sent no code.
func (m *MFASession) Retrieve(ctx context.Context) (Value, error) {
	if err := m.Base.Refresh(ctx); err != nil {
		return Value{}, err
	}
	return m.once.do(ctx, m.Describe(), m.certify)
}

func (m *MFASession) certify(ctx context.Context) (Value, error) {
	request := sts.NewGetSessionTokenRequest()
	duration := m.DurationSeconds
	if duration == 0 {
		duration = DefaultMFASessionDuration
	}
	request.SerialNumber = &m.SerialNumber
	request.TokenCode = &m.TokenCode
	request.DurationSeconds = &duration

	out, err := m.STS.GetSessionToken(ctx, request)
	if err != nil {
		return Value{}, stsFailure(m.Describe(), m.STS, sts.ActionGetSessionToken, err)
	}
	if out == nil {
		return temporary(m.Describe(), nil, nil)
	}
	return temporary(m.Describe(), out.Credentials, out.ExpiredTime)
}
