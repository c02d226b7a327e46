package com.inmo.activities.calendar;

import static com.inmo.activities.api.InternalApiClient.expect;

import com.inmo.activities.api.InternalApiClient;
import com.inmo.workflows.activity.BookingRequest;
import com.inmo.workflows.activity.BookingResult;
import com.inmo.workflows.activity.CalendarActivities;
import com.inmo.workflows.activity.CancellationRequest;
import com.inmo.workflows.activity.CancellationResult;
import com.inmo.workflows.activity.SlotOffer;
import com.inmo.workflows.activity.SlotQuery;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The {@code local} calendar: weekly availability, blocks and appointments in PostgreSQL, through the api.
 * The api books atomically (a unique index on the broker's booked slots), so two leads choosing the same
 * slot at once end with one booking and one "taken".
 */
public class LocalCalendarActivities implements CalendarActivities {

  private final InternalApiClient api;

  public LocalCalendarActivities(InternalApiClient api) {
    this.api = api;
  }

  @Override
  public SlotOffer availableSlots(SlotQuery query) {
    String path = "/internal/v1/brokers/" + URLEncoder.encode(query.brokerSlug(), StandardCharsets.UTF_8)
        + "/slots?from=" + query.from() + "&days=" + query.days() + "&limit=" + query.limit();
    return expect(api.get(path), "free slots", 200).as(SlotOffer.class);
  }

  @Override
  public BookingResult book(BookingRequest request) {
    InternalApiClient.Response response = api.post("/internal/v1/appointments", request);
    if (response.status() == 409 || response.status() == 422) {
      return response.as(BookingResult.class); // taken or unavailable: an answer, not a failure
    }
    return expect(response, "book visit", 200, 201).as(BookingResult.class);
  }

  @Override
  public CancellationResult cancel(CancellationRequest request) {
    return expect(api.post("/internal/v1/appointments/" + request.appointmentId() + "/cancel", request),
        "cancel visit", 200).as(CancellationResult.class);
  }
}
