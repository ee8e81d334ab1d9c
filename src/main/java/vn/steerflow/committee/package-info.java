/**
 * The organisation: committees, the units that receive tasks (a tree: a province above its departments
 * and communes) and the members who log in, each in one unit with one or more roles. Depends on
 * persistence only.
 */
package vn.steerflow.committee;
