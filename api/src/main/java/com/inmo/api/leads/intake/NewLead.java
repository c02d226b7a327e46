package com.inmo.api.leads.intake;

import java.util.List;

/**
 * A lead typed in by an agent ({@code POST /api/v1/leads}), or one row of an import. Only the name is
 * required, with a phone or an email to reach them; the rest is what the agent already knows.
 */
public record NewLead(String name, String phone, String email, List<String> tags, String source, String zone,
                      String propertyType, Integer bedrooms, Long budgetClp, Long monthlyIncomeClp, String timeline) {
}
