/**
 * The pilot's three years after designation (试点示范县创建实施): project cases, the batch schedule, mid-term opening,
 * cancellation notices, benchmarks and the history. A named interface of the pilot module: the API door
 * ({@code api/PilotYearsController}) uses its services and the types they return; {@code years/ui} stays internal.
 */
@NamedInterface("years")
package cn.countyflow.pilot.years;

import org.springframework.modulith.NamedInterface;
