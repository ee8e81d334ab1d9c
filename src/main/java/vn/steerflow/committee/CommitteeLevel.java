package vn.steerflow.committee;

public enum CommitteeLevel {
  CENTRAL,
  PROVINCE,
  COMMUNE
}
