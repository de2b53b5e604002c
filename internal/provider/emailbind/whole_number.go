// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emailbind

import (
	"context"
	"fmt"
	"math"
	"math/big"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Arguments that hold an account or unit ID are declared as numbers, not
// Int64: the framework converts an Int64 argument before any validator
// runs, and a value such as 1.5 or 1e20 then fails with its own message,
// which calls itself a provider bug and prints the value as
// %!s(*big.Float=1.5). As a number, the value reaches WholeNumber, which
// names the attribute and the range.

// WholeNumber accepts a number with no fractional part from least to
// math.MaxInt64, the largest the API's integer parameters take.
type WholeNumber struct {
	least int64
	// what the number is, for the message: "a member account's UIN".
	what string
}

var _ validator.Number = WholeNumber{}

func (v WholeNumber) Description(context.Context) string {
	return fmt.Sprintf("must be a whole number from %d to %d", v.least, int64(math.MaxInt64))
}

func (v WholeNumber) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v WholeNumber) ValidateNumber(ctx context.Context, req validator.NumberRequest, resp *validator.NumberResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if _, err := v.Int64(req.ConfigValue); err != nil {
		resp.Diagnostics.Append(v.Diagnostic(req.Path, err))
	}
}

// Diagnostic is the error about the value at p, which names the
// attribute: a set element's own path would show the value rounded.
func (v WholeNumber) Diagnostic(p path.Path, err error) diag.Diagnostic {
	attribute := p
	if step, _ := p.Steps().LastStep(); step != nil {
		if _, element := step.(path.PathStepElementKeyValue); element {
			attribute = p.ParentPath()
		}
	}
	return diag.NewAttributeErrorDiagnostic(p, summaryInvalidWholeNumber, fmt.Sprintf("%s %s.", attribute, err))
}

// Int64 is n as an int64, or why it cannot be one; Read checks again,
// since validation passes a value that is unknown until apply.
func (v WholeNumber) Int64(n types.Number) (int64, error) {
	f := n.ValueBigFloat()
	i, accuracy := f.Int64()
	if f.IsInt() && accuracy == big.Exact && i >= v.least {
		return i, nil
	}
	return 0, fmt.Errorf("must be %s, a whole number from %d to %d, but it is %s",
		v.what, v.least, int64(math.MaxInt64), NumberText(f))
}

// NumberText is f as a person would write it: a whole number of up to 20
// digits in full (any int64 fits), a larger one with an exponent, and a
// fraction in its shortest form. A larger one in full would show the
// binary approximation's digits, which nobody wrote: 1e400 is not
// 1 and 400 zeros in a 512-bit float.
func NumberText(f *big.Float) string {
	if f.IsInt() {
		return f.Text('g', 20)
	}
	return f.Text('g', -1)
}

var (
	MemberUin = WholeNumber{least: 1, what: "a member account's UIN"}
	NodeID    = WholeNumber{least: 0, what: "an organization unit's ID"}
)

// NumberValue is a whole number as a Terraform number, exactly.
func NumberValue(i int64) types.Number {
	return types.NumberValue(new(big.Float).SetInt64(i))
}
