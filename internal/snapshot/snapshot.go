// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

// Package snapshot records a real organization as an emulator world file,
// so that policies can be tested offline against what the organization
// really holds. It reads as the whole-organization data source reads, with
// the same credential variables, pacing, retries and confirmed listing, and
// a snapshot is complete or not written at all. No Terraform types.
package snapshot

import (
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/organization"
)

// Options say what to record and where.
type Options struct {
	// Out is the world file's path, or "-" for Stdout.
	Out    string
	Stdout io.Writer
	// AdminUin is the organization's admin account; zero asks STS whose the
	// credential is.
	AdminUin int64
	// KeepContacts keeps names, remarks, emails and phones as recorded.
	KeepContacts bool
	// RateLimit paces the reads, in requests per second.
	RateLimit float64
	// Progress, when set, shows how far the read is (a terminal).
	Progress io.Writer
	// Getenv reads the credential and endpoint variables.
	Getenv Getenv
}

// Record reads the organization and writes it to o.Out as a world file that
// the emulator serves with the TestSecretID key pair. On any failure it
// returns an error and leaves o.Out as it was.
func Record(ctx context.Context, o Options) error {
	conn, err := Connect(o.Getenv, o.RateLimit)
	if err != nil {
		return err
	}
	admin := o.AdminUin
	if admin == 0 {
		if admin, err = callerAccount(ctx, conn.STS); err != nil {
			return err
		}
	}
	out, err := openOutput(o.Out, o.Stdout)
	if err != nil {
		return err
	}
	defer out.abort()
	client := organization.NewClient(conn.Organization)
	show := &progress{w: o.Progress, rateLimit: conn.Organization.RateLimit}
	query := organization.InventoryQuery{EmailBinds: true}
	show.hooks(&query)
	inventory, err := client.ReadInventory(ctx, query)
	show.done()
	if err != nil {
		return readError(client.Endpoint(), err)
	}
	if len(inventory.Left) > 0 {
		return membersLeftError(client.Endpoint(), inventory.Left)
	}
	world, err := buildWorld(admin, inventory, o.KeepContacts)
	if err != nil {
		return err
	}
	data, err := encodeWorld(world)
	if err != nil {
		return err
	}
	return out.commit(data)
}

// encodeWorld is world as an indented document, checked by the emulator's
// own loader, so that a snapshot written is one the emulator serves.
func encodeWorld(world emulator.World) ([]byte, error) {
	data, err := json.MarshalIndent(world, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encoding the snapshot: %w", err)
	}
	data = append(data, '\n')
	if _, err := emulator.ParseWorld(data); err != nil {
		return nil, fmt.Errorf("the snapshot is not a world the emulator accepts: %w", err)
	}
	return data, nil
}
