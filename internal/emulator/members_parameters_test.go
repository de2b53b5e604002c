// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator_test

import (
	"fmt"
	"testing"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
)

func TestInvalidListingParametersAreRejected(t *testing.T) {
	tags := make([]map[string]any, 11)
	for i := range tags {
		tags[i] = map[string]any{"TagKey": fmt.Sprint("k", i)}
	}
	for name, tt := range map[string]struct {
		params map[string]any
		code   string
	}{
		"negative offset":           {map[string]any{"Offset": -10}, "InvalidParameter"},
		"offset not a multiple":     {map[string]any{"Offset": 3, "Limit": 5}, "InvalidParameter"},
		"offset past default":       {map[string]any{"Offset": 5}, "InvalidParameter"},
		"fractional offset":         {map[string]any{"Offset": 1.5}, "InvalidParameter"},
		"limit zero":                {map[string]any{"Limit": 0}, "InvalidParameter"},
		"limit over 50":             {map[string]any{"Limit": 51}, "InvalidParameter"},
		"negative limit":            {map[string]any{"Limit": -1}, "InvalidParameter"},
		"limit as string":           {map[string]any{"Limit": "10"}, "InvalidParameter"},
		"unknown lang":              {map[string]any{"Lang": "fr"}, "InvalidParameter"},
		"empty lang":                {map[string]any{"Lang": ""}, "InvalidParameter"},
		"search key as number":      {map[string]any{"SearchKey": uinProd}, "InvalidParameter"},
		"node id as string":         {map[string]any{"NodeId": "2001"}, "InvalidParameter"},
		"negative node id":          {map[string]any{"NodeId": -1}, "InvalidParameter"},
		"eleven tags":               {map[string]any{"Tags": tags}, "InvalidParameter"},
		"tag without key":           {map[string]any{"Tags": []map[string]any{{"TagValue": "prod"}}}, "InvalidParameter"},
		"tag with empty key":        {map[string]any{"Tags": []map[string]any{{"TagKey": ""}}}, "InvalidParameter"},
		"tag with null key":         {map[string]any{"Tags": []map[string]any{{"TagKey": nil}}}, "InvalidParameter"},
		"tag value as number":       {map[string]any{"Tags": []map[string]any{{"TagKey": "env", "TagValue": 1}}}, "InvalidParameter"},
		"tags not a list":           {map[string]any{"Tags": "env"}, "InvalidParameter"},
		"unknown tag field":         {map[string]any{"Tags": []map[string]any{{"TagKey": "env", "Value": "prod"}}}, "UnknownParameter"},
		"unknown parameter":         {map[string]any{"MemberUin": uinProd}, "UnknownParameter"},
		"unknown node id":           {map[string]any{"NodeId": 5}, "ResourceNotFound.OrganizationNodeNotExist"},
		"unknown node name":         {map[string]any{"NodeName": "Nowhere"}, "ResourceNotFound.OrganizationNodeNotExist"},
		"node name of another case": {map[string]any{"NodeName": "finance"}, "ResourceNotFound.OrganizationNodeNotExist"},
		"unknown product":           {map[string]any{"Product": "NoSuchService"}, "ResourceNotFound.OrganizationServiceNotExist"},
	} {
		t.Run(name, func(t *testing.T) {
			_, endpoints := acctest.StartEmulator(t, membersWorld(""))
			_, apiErr := listMembers(t, endpoints.Organization, adminCred, tt.params)
			if apiErr == nil || apiErr.Code != tt.code || apiErr.RequestId == "" {
				t.Fatalf("error = %v, want code %s", apiErr, tt.code)
			}
		})
	}
}

func TestValidLangAndNullParametersAreAccepted(t *testing.T) {
	_, endpoints := acctest.StartEmulator(t, membersWorld(""))
	for _, params := range []map[string]any{
		{"Lang": "en"},
		{"Lang": "zh"},
		{"Offset": nil, "Limit": nil, "SearchKey": nil, "NodeId": nil, "Tags": nil},
	} {
		if p := mustList(t, endpoints.Organization, adminCred, params); p.Total != "12" || len(p.Items) != 10 {
			t.Errorf("%v: %d items of %s, want 10 of 12", params, len(p.Items), p.Total)
		}
	}
}
