// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package sts

// The files of this package are written in the style of the SDK's generated
// sts package, which is not available to us, one action a file.

// Credentials is a temporary credential, as every exchanging action returns it.
type Credentials struct {
	Token        *string `json:"Token,omitnil,omitempty" name:"Token"`
	TmpSecretId  *string `json:"TmpSecretId,omitnil,omitempty" name:"TmpSecretId"`
	TmpSecretKey *string `json:"TmpSecretKey,omitnil,omitempty" name:"TmpSecretKey"`
}
