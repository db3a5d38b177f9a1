/**
 * The pilot's ranking, list approval and publicity (排名、拟入选名单、审定与公示). A named interface of the pilot module:
 * the API door ({@code api/DesignationController}) uses its services and the types they return. Its repositories
 * stay package-private and {@code designation/ui} stays internal.
 */
@NamedInterface("designation")
package cn.countyflow.pilot.designation;

import org.springframework.modulith.NamedInterface;
