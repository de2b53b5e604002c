// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
)

const (
	defaultListingLimit = 10
	maxListingLimit     = 50
	maxTagFilters       = 10
)

// listingQuery is a DescribeOrganizationMembers request: the page, and the
// filters given (nil or empty when not).
type listingQuery struct {
	offset, limit                          uint64
	searchKey, authName, product, nodeName *string
	nodeID                                 *uint64
	tags                                   []tagFilter
}

// tagFilter matches any value of its key when value is empty.
type tagFilter struct{ key, value string }

// listing is what the filters read of a member's listing record.
type listing struct {
	Name     *string
	NodeID   *int64 `json:"NodeId"`
	NodeName *string
	Tags     []*struct{ TagKey, TagValue *string }
}

func (s *Server) describeOrganizationMembers(cred Credential, params map[string]string) (map[string]json.RawMessage, *apiError) {
	q, apiErr := parseListingQuery(params)
	if apiErr != nil {
		return nil, apiErr
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	org := s.orgOfUin[cred.Uin]
	if org == nil {
		return nil, errorf("ResourceNotFound.OrganizationNotExist", "The organization does not exist.")
	}
	// Who may list comes first, so that a member cannot learn from the
	// answer which trusted services exist.
	if apiErr := org.checkLister(cred.Uin, q.product); apiErr != nil {
		return nil, apiErr
	}
	if q.product != nil && !slices.Contains(org.TrustedServices, *q.product) {
		return nil, errorf("ResourceNotFound.OrganizationServiceNotExist", "The trusted service `%s` does not exist.", *q.product)
	}
	if q.offset == 0 {
		s.listingStarts(org)
	}
	// Decoding every member for every page makes a listing of n members
	// cost n²/50 decodes, seconds at 10,000 (the bench's scale scenario),
	// so it is done only when a filter reads the listing.
	var listings []listing
	if q.readsListing() {
		listings = make([]listing, len(org.Members))
		for i, m := range org.Members {
			// Validation has checked every field this reads; an absent listing reads as empty.
			_ = json.Unmarshal(m.Listing, &listings[i])
		}
	}
	if apiErr := q.checkNode(org, listings); apiErr != nil {
		return nil, apiErr
	}
	var matched []Member
	for i, m := range org.Members {
		var l listing
		if listings != nil {
			l = listings[i]
		}
		if q.matches(m, l) {
			matched = append(matched, m)
		}
	}
	total := uint64(len(matched))
	start := min(q.offset, total)
	page, total := s.distortPage(matched[start:start+min(q.limit, total-start)], total)
	items := make([]map[string]json.RawMessage, len(page))
	for i, m := range page {
		items[i] = listingItem(m)
	}
	s.pageServed(org)

	itemsJSON, _ := json.Marshal(items)
	totalJSON, _ := json.Marshal(total)
	return map[string]json.RawMessage{"Items": itemsJSON, "Total": totalJSON}, nil
}

// checkLister lets the organization's admin list it, and a trusted service's
// delegated admin that names its service as Product: the API requires
// Product of such a caller, and the stricter reading is that no other
// member may list the organization at all.
func (org *Organization) checkLister(uin int64, product *string) *apiError {
	switch {
	case uin == org.AdminUin:
		return nil
	case product == nil:
		return errorf(codeNotAuthorized, "Account %d is not the organization's management account: only it lists the organization without `Product`, "+
			"and a trusted service's delegated administrator must send its service as `Product`.", uin)
	case !org.delegatedAdmin(uin, *product):
		return errorf(codeNotAuthorized, "Account %d is not the delegated administrator of the trusted service `%s`, so it may not list the organization's members.", uin, *product)
	}
	return nil
}

// parseListingQuery reads a request that checkParams has checked against
// membersParams; what the table cannot say, that Offset is a multiple of
// Limit, is checked here.
func parseListingQuery(params map[string]string) (listingQuery, *apiError) {
	q := listingQuery{limit: defaultListingLimit}
	var tags []struct{ TagKey, TagValue *string }
	readParams(params, map[string]any{
		"Offset": &q.offset, "Limit": &q.limit, "NodeId": &q.nodeID, "Lang": new(*string),
		"SearchKey": &q.searchKey, "AuthName": &q.authName, "Product": &q.product, "NodeName": &q.nodeName, "Tags": &tags,
	})
	for _, tag := range tags {
		filter := tagFilter{key: *tag.TagKey}
		if tag.TagValue != nil {
			filter.value = *tag.TagValue
		}
		q.tags = append(q.tags, filter)
	}
	if q.offset%q.limit != 0 {
		return q, errorf("InvalidParameter", "The parameter `Offset` must be a multiple of `Limit` (%d), got %d.", q.limit, q.offset)
	}
	return q, nil
}

// checkNode rejects a NodeId or NodeName that names no unit: neither one of
// the organization's nodes nor one that a member's listing puts it in.
func (q listingQuery) checkNode(org *Organization, listings []listing) *apiError {
	idKnown, nameKnown := q.nodeID == nil, q.nodeName == nil
	for _, node := range org.Nodes {
		idKnown = idKnown || uint64(node.NodeID) == *q.nodeID
		nameKnown = nameKnown || node.Name == *q.nodeName
	}
	for _, l := range listings {
		idKnown = idKnown || l.inNode(*q.nodeID)
		nameKnown = nameKnown || l.NodeName != nil && *l.NodeName == *q.nodeName
	}
	if !idKnown {
		return errorf("ResourceNotFound.OrganizationNodeNotExist", "The organization node %d does not exist.", *q.nodeID)
	}
	if !nameKnown {
		return errorf("ResourceNotFound.OrganizationNodeNotExist", "The organization node `%s` does not exist.", *q.nodeName)
	}
	return nil
}

// readsListing is whether a filter reads the members' listing records.
func (q listingQuery) readsListing() bool {
	return q.searchKey != nil || q.nodeID != nil || q.nodeName != nil || len(q.tags) > 0
}

func (q listingQuery) matches(m Member, l listing) bool {
	if q.searchKey != nil {
		name := ""
		if l.Name != nil {
			name = *l.Name
		}
		if !containsFold(name, *q.searchKey) && strconv.FormatInt(m.MemberUin, 10) != *q.searchKey {
			return false
		}
	}
	if q.authName != nil && !containsFold(m.AuthName, *q.authName) {
		return false
	}
	if q.nodeID != nil && !l.inNode(*q.nodeID) {
		return false
	}
	if q.nodeName != nil && (l.NodeName == nil || *l.NodeName != *q.nodeName) {
		return false
	}
	for _, want := range q.tags {
		if !l.hasTag(want) {
			return false
		}
	}
	return true
}

func containsFold(s, substr string) bool {
	return strings.Contains(strings.ToLower(s), strings.ToLower(substr))
}

// inNode compares a listing's signed NodeId with the request's unsigned one,
// as the SDK types them.
func (l listing) inNode(id uint64) bool {
	return l.NodeID != nil && *l.NodeID >= 0 && uint64(*l.NodeID) == id
}

func (l listing) hasTag(want tagFilter) bool {
	for _, tag := range l.Tags {
		if tag == nil || tag.TagKey == nil || *tag.TagKey != want.key {
			continue
		}
		if want.value == "" || tag.TagValue != nil && *tag.TagValue == want.value {
			return true
		}
	}
	return false
}

// listingItem is the member's OrgMember as the API returns it. Listing and
// email binding report the same BindStatus, so a listing that leaves it out
// shows the email binding's.
func listingItem(m Member) map[string]json.RawMessage {
	item := recordFields(m.Listing)
	if _, given := item["BindStatus"]; !given {
		if status, bound := recordFields(m.EmailBind)["BindStatus"]; bound {
			item["BindStatus"] = status
		}
	}
	item["MemberUin"] = json.RawMessage(strconv.FormatInt(m.MemberUin, 10))
	return item
}
