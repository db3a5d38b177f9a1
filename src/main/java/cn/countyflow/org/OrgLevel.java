package cn.countyflow.org;

public enum OrgLevel { PROVINCE, CITY, COUNTY }
